import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, users } from "@/db/schema";
import { createUser, type Member } from "@/db/queries/users";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/tests/support/database";
import { authorizeCredentials } from "./credentials";
import { signInRetryAfter } from "./throttle";

const meta = { ip: "203.0.113.4", userAgent: "vitest" };

describe.each(testDrivers)("credentials sign-in on %s", (driver) => {
  let database: TestDatabase;
  let member: Member;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    member = await createUser(database.db, {
      email: "member@example.com",
      role: "admin",
      password: "the right password",
      mustChangePassword: false,
    });
  });
  afterAll(() => database.close());

  const lastAudit = () => database.db.query.auditLog.findFirst({ orderBy: (a, { desc }) => desc(a.id) });

  it("signs in with the right password, any email case, and records it", async () => {
    const user = await authorizeCredentials(
      database.db,
      { email: " Member@Example.COM ", password: "the right password" },
      meta,
    );
    expect(user).toEqual({ id: member.id, email: "member@example.com", sessionVersion: member.sessionVersion });
    expect(await lastAudit()).toMatchObject({
      action: "auth.sign_in",
      outcome: "success",
      actorId: member.id,
      actorLabel: "member@example.com",
      ip: meta.ip,
    });
    const row = await database.db.query.users.findFirst({ where: eq(users.id, member.id) });
    expect(row?.lastSignInAt).toBeInstanceOf(Date);
  });

  it("answers a wrong password, an unknown email and a disabled member alike, counting each failure", async () => {
    const tries = [
      { email: "member@example.com", password: "wrong password" },
      { email: "nobody@example.com", password: "the right password" },
      { email: 42, password: null },
    ];
    for (const credentials of tries) expect(await authorizeCredentials(database.db, credentials, meta)).toBeNull();
    await database.db.update(users).set({ disabled: true }).where(eq(users.id, member.id));
    expect(
      await authorizeCredentials(database.db, { email: "member@example.com", password: "the right password" }, meta),
    ).toBeNull();
    expect(await lastAudit()).toMatchObject({ outcome: "failure", detail: { reason: "disabled" } });
    const failures = await database.db.query.auditLog.findMany({ where: eq(auditLog.outcome, "failure") });
    expect(failures).toHaveLength(4);
    expect(await signInRetryAfter(database.db, { email: "other@example.com", ip: meta.ip })).toBeNull();
    expect(await authorizeCredentials(database.db, { email: "x@example.com", password: "y" }, meta)).toBeNull();
    expect(await signInRetryAfter(database.db, { email: "other@example.com", ip: meta.ip })).toBeGreaterThan(14 * 60);
  });
});
