import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/tests/support/database";
import { countSessions, listAttentionSessions } from "./overview";
import { seedSessions } from "@/tests/support/session-rows";
import { withStatementLog } from "@/tests/support/statement-log";

const now = new Date();
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);
const clock = { now, expiringBefore: days(7) };

describe.each(testDrivers)("overview queries on %s", (driver) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    await seedSessions(database.db, [
      { status: "active", expiresAt: days(90), account: { firstName: "healthy" } },
      { status: "active", expiresAt: days(2), account: { firstName: "expiring" } },
      { status: "active", floodWaitUntil: days(1), account: { firstName: "flooded" } },
      { status: "active", floodWaitUntil: days(-1), account: { firstName: "flood over" } },
      { status: "degraded", account: { firstName: "degraded" } },
      { status: "invalid", expiresAt: days(1), account: { firstName: "invalid" } },
      { status: "active", decryptFailed: true, account: { firstName: "undecryptable" } },
      { status: "revoked", decryptFailed: true, expiresAt: days(1), account: { firstName: "revoked" } },
      { status: "revoke_pending", account: { firstName: "revoking" } },
      { status: "frozen", expiresAt: days(30), account: { firstName: "frozen" } },
      { status: "banned", account: { firstName: "banned" } },
    ]);
  });
  afterAll(() => database.close());

  it("counts sessions by state and by trouble in one statement", async () => {
    const logged = withStatementLog(database);
    expect(await countSessions(logged.db, clock)).toEqual({
      active: 5,
      degraded: 1,
      invalid: 1,
      revoke_pending: 1,
      revoked: 1,
      frozen: 1,
      banned: 1,
      deactivated: 0,
      total: 11,
      floodWaiting: 1,
      expiringSoon: 1,
      decryptFailed: 1,
      needsAttention: 7,
    });
    expect(logged.statements).toHaveLength(1);
  });

  it("lists the sessions that need attention, the worst first", async () => {
    const rows = await listAttentionSessions(database.db, clock, 10);
    const names = rows.map((row) => row.account.firstName);
    expect(names.slice(0, 3).sort()).toEqual(["banned", "invalid", "undecryptable"]);
    expect(names.slice(3)).toEqual(["frozen", "degraded", "expiring", "flooded"]);
    expect(await listAttentionSessions(database.db, clock, 2)).toHaveLength(2);
  });
});
