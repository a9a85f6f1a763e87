import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/tests/support/database";
import { verifyPassword, hashPassword } from "@/lib/auth/sign-in";
import {
  adminExists,
  bumpSessionVersion,
  createUser,
  EmailTakenError,
  findUserByEmail,
  listUsers,
  setPassword,
} from "./users";

describe.each(testDrivers)("user queries on %s", (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(() => database.close());

  it("creates members with a lower-cased email and a hashed password, never listing the hash", async () => {
    expect(await adminExists(database.db)).toBe(false);
    const viewer = await createUser(database.db, {
      email: "Viewer@Example.com",
      role: "viewer",
      passwordHash: await hashPassword("viewer password"),
      mustChangePassword: true,
    });
    expect(viewer).toMatchObject({
      email: "viewer@example.com",
      role: "viewer",
      mustChangePassword: true,
      sessionVersion: 1,
    });
    expect(viewer).not.toHaveProperty("passwordHash");
    expect(await adminExists(database.db)).toBe(false);
    await createUser(database.db, {
      email: "admin@example.com",
      role: "admin",
      passwordHash: await hashPassword("admin password"),
      mustChangePassword: false,
    });
    expect(await adminExists(database.db)).toBe(true);
    const stored = await findUserByEmail(database.db, "VIEWER@example.com");
    expect(await verifyPassword("viewer password", stored!.passwordHash)).toBe(true);
    const listed = await listUsers(database.db);
    expect(listed.map((user) => user.email)).toEqual(["viewer@example.com", "admin@example.com"]);
    expect(listed[0]).not.toHaveProperty("passwordHash");
  });

  it("refuses a second member with the same email in any case", async () => {
    await expect(
      createUser(database.db, {
        email: "ADMIN@example.com",
        role: "viewer",
        passwordHash: await hashPassword("another password"),
        mustChangePassword: false,
      }),
    ).rejects.toBeInstanceOf(EmailTakenError);
  });

  it("bumps the session version on sign-out and on a password change", async () => {
    const before = (await findUserByEmail(database.db, "viewer@example.com"))!;
    await bumpSessionVersion(database.db, before.id);
    await setPassword(database.db, before.id, await hashPassword("a brand new password"), false);
    const after = (await findUserByEmail(database.db, "viewer@example.com"))!;
    expect(after.sessionVersion).toBe(before.sessionVersion + 2);
    expect(after.mustChangePassword).toBe(false);
    expect(await verifyPassword("a brand new password", after.passwordHash)).toBe(true);
  });
});
