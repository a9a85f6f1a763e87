import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, findUserByEmail, type Member } from "@/db/queries/users";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/tests/support/database";
import { changePassword } from "./change-password";
import { verifyPassword } from "./password";

const meta = { ip: "192.0.2.77", userAgent: "vitest" };

describe.each(testDrivers)("changing a password on %s", (driver) => {
  let database: TestDatabase;
  let member: Member;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
    member = await createUser(database.db, {
      email: "temp@example.com",
      role: "viewer",
      password: "temporary password",
      mustChangePassword: true,
    });
  });
  afterAll(() => database.close());

  const input = (currentPassword: string) => ({
    currentPassword,
    newPassword: "my own password",
    confirmPassword: "my own password",
  });

  it("refuses a wrong current password and replaces a right one, ending the temporary flag and sessions", async () => {
    expect(await changePassword(database.db, member, input("guess"), meta)).toEqual({ kind: "wrong_password" });
    expect(await changePassword(database.db, member, input("temporary password"), meta)).toEqual({ kind: "changed" });
    const after = (await findUserByEmail(database.db, member.email))!;
    expect(after).toMatchObject({ mustChangePassword: false, sessionVersion: member.sessionVersion + 1 });
    expect(await verifyPassword("my own password", after.passwordHash)).toBe(true);
  });

  it("stops answering after repeated wrong guesses", async () => {
    for (let i = 0; i < 4; i++) await changePassword(database.db, member, input("guess"), meta);
    expect(await changePassword(database.db, member, input("my own password"), meta)).toMatchObject({
      kind: "throttled",
    });
  });
});
