import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/tests/support/database";
import { insertApiToken, listActiveApiTokens, revokeApiToken } from "./api-tokens";
import { insertAuditEntry, listAuditEntries } from "./audit";
import { lockActiveAdminIds, removeMember, updateMember } from "./team";
import { createUser, findMemberById, type Member } from "./users";
import { hashPassword } from "@/lib/auth/sign-in";

describe.each(testDrivers)("console queries on %s", (driver) => {
  let database: TestDatabase;
  let admin: Member;
  let viewer: Member;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    admin = await createUser(database.db, {
      email: "admin@example.com",
      role: "admin",
      passwordHash: await hashPassword("password one 1"),
      mustChangePassword: false,
    });
    viewer = await createUser(database.db, {
      email: "viewer@example.com",
      role: "viewer",
      passwordHash: await hashPassword("password two 2"),
      mustChangePassword: true,
    });
  });
  afterAll(() => database.close());

  it("pages the audit log by id with filters", async () => {
    for (const action of ["a.one", "a.two", "a.one", "a.two", "a.one"]) {
      await insertAuditEntry(database.db, { actorLabel: action === "a.one" ? "x" : "y", action, outcome: "success" });
    }
    const first = await listAuditEntries(database.db, { limit: 2 });
    expect(first.items.map((e) => e.id)).toEqual([5, 4]);
    expect(first.nextCursor).toBe(4);
    const rest = await listAuditEntries(database.db, { limit: 10, cursor: 4 });
    expect(rest).toMatchObject({ items: [{ id: 3 }, { id: 2 }, { id: 1 }], nextCursor: null });
    expect((await listAuditEntries(database.db, { limit: 10, action: "a.two" })).items.map((e) => e.id)).toEqual([
      4, 2,
    ]);
    expect((await listAuditEntries(database.db, { limit: 10, actor: "x", cursor: 5 })).items.map((e) => e.id)).toEqual([
      3, 1,
    ]);
  });

  it("lists working tokens without hashes and revokes once", async () => {
    const token = await insertApiToken(database.db, {
      name: "ci",
      scope: "read",
      tokenHash: "h1",
      prefix: "tsc_ab",
      createdById: admin.id,
    });
    expect(token).toMatchObject({ name: "ci", scope: "read", createdBy: { email: "admin@example.com" } });
    expect(Object.keys(token)).not.toContain("tokenHash");
    expect((await listActiveApiTokens(database.db)).map((t) => t.id)).toEqual([token.id]);
    expect(await revokeApiToken(database.db, token.id)).toMatchObject({ id: token.id, name: "ci" });
    expect(await revokeApiToken(database.db, token.id)).toBeUndefined();
    expect(await listActiveApiTokens(database.db)).toEqual([]);
  });

  it("changes members, ending their sessions, and removes them with their tokens", async () => {
    expect(await lockActiveAdminIds(database.db)).toEqual([admin.id]);
    const updated = await updateMember(database.db, viewer.id, { role: "admin", disabled: true });
    expect(updated).toMatchObject({ role: "admin", disabled: true, sessionVersion: viewer.sessionVersion + 1 });
    expect(await lockActiveAdminIds(database.db)).toEqual([admin.id]);
    const token = await insertApiToken(database.db, {
      name: "v",
      scope: "read",
      tokenHash: "h2",
      prefix: "tsc_cd",
      createdById: viewer.id,
    });
    expect(await removeMember(database.db, viewer.id)).toBe(true);
    expect(await findMemberById(database.db, viewer.id)).toBeUndefined();
    expect(await revokeApiToken(database.db, token.id)).toBeUndefined();
    expect(await removeMember(database.db, viewer.id)).toBe(false);
    expect(await updateMember(database.db, viewer.id, { disabled: false })).toBeUndefined();
  });
});
