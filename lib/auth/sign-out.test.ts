import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, findUserByEmail } from "@/db/queries/users";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/tests/support/database";
import { signOutMember } from "./sign-out";

describe.each(testDrivers)("signing out on %s", (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(() => database.close());

  it("moves the session version on and records the sign-out with it", async () => {
    const member = await createUser(database.db, {
      email: "out@example.com",
      role: "viewer",
      password: "a good password",
      mustChangePassword: false,
    });
    await signOutMember(database.db, member, { ip: "198.51.100.1", userAgent: "vitest" });
    expect((await findUserByEmail(database.db, member.email))?.sessionVersion).toBe(member.sessionVersion + 1);
    expect(await database.db.query.auditLog.findMany()).toMatchObject([
      {
        action: "auth.sign_out",
        outcome: "success",
        actorId: member.id,
        actorLabel: "out@example.com",
        ip: "198.51.100.1",
      },
    ]);
  });
});
