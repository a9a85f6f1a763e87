import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { monitorHeartbeats, sessionEvents, telegramSessions } from "@/db/schema";
import { ConnectionManager } from "@/lib/telegram/connection/manager";
import { createTestDatabase, allDrivers, type TestDatabase } from "@/tests/support/database";
import { healthConfig } from "./config";
import { raiseMonitorStale } from "@/db/queries/monitor-heartbeats";
import { HealthMonitor, monitorStatus } from "./monitor";

import { nextPhones, seedSandboxSessions } from "@/tests/support/sandbox-sessions";
import { shortDeadlines, startConsoleSandbox } from "@/tests/support/sandbox";

const sandbox = await startConsoleSandbox(shortDeadlines);

const monitorOf = (database: TestDatabase) =>
  new HealthMonitor(
    database.db,
    new ConnectionManager({ idleMs: 0 }),
    healthConfig({ concurrency: 4, pollSeconds: 1 }),
  );

describe.each(allDrivers)("health monitor on %s", (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(() => database.close());

  it("two monitors sweeping 20 due sessions check each exactly once, never connecting one twice", async () => {
    const { db } = database;
    const phones = nextPhones(20, 3);
    const ids = await seedSandboxSessions(db, phones);
    const [one, two] = [monitorOf(database), monitorOf(database)];
    const [a, b] = await Promise.all([one.sweepOnce(), two.sweepOnce()]);
    expect(a.checked + b.checked).toBe(20);
    expect(a.errors + b.errors).toBe(0);
    const checks = await db
      .select({ sessionId: sessionEvents.sessionId, n: sql<number>`count(*)::int` })
      .from(sessionEvents)
      .where(sql`${sessionEvents.kind} = 'check'`)
      .groupBy(sessionEvents.sessionId);
    expect(checks.map((row) => row.n)).toEqual(ids.map(() => 1));
    const requests = phones.flatMap((phone) => sandbox.log(phone));
    expect(requests.filter((entry) => entry.result !== "ok")).toEqual([]);
    const leases = await db.select({ owner: telegramSessions.leaseOwner }).from(telegramSessions);
    expect(leases.every((row) => row.owner === null)).toBe(true);
    expect((await Promise.all([one.sweepOnce(), two.sweepOnce()])).map((s) => s.checked)).toEqual([0, 0]);
  });

  it("beats a heartbeat while running that /api/healthz reads, and removes it when stopped", async () => {
    const { db } = database;
    await db.delete(monitorHeartbeats).where(sql`true`);
    expect(await monitorStatus(db, 1)).toBe("off");
    const monitor = monitorOf(database);
    monitor.start();
    await expect.poll(() => monitorStatus(db, 1)).toBe("alive");
    await monitor.stop();
    expect(await monitorStatus(db, 1)).toBe("off");
    await db
      .insert(monitorHeartbeats)
      .values({ owner: "crashed", host: "h", pid: 1, beatAt: sql`now() - interval '5 minutes'` });
    expect(await monitorStatus(db, 1)).toBe("stale");
    await db.delete(monitorHeartbeats).where(sql`true`);
  });

  it("raises monitor.stale from the maintenance pass once per silence of every monitor", async () => {
    const { db } = database;
    const staleEvents = () => db.query.alertEvents.findMany({ where: (e, { eq }) => eq(e.kind, "monitor.stale") });
    const beatAgo = (owner: string, minutes: number) =>
      db
        .insert(monitorHeartbeats)
        .values({ owner, host: "h", pid: 1, beatAt: sql`now() - make_interval(mins => ${minutes})` })
        .onConflictDoUpdate({
          target: monitorHeartbeats.owner,
          set: { beatAt: sql`now() - make_interval(mins => ${minutes})` },
        });
    await db.delete(monitorHeartbeats).where(sql`true`);
    // No monitor at all is "off" (none configured or all stopped cleanly), not a silence.
    expect(await raiseMonitorStale(db, 60)).toBe(false);
    await beatAgo("worker-a", 0);
    await beatAgo("worker-b", 5);
    expect(await raiseMonitorStale(db, 60)).toBe(false);

    await beatAgo("worker-a", 3);
    expect(await raiseMonitorStale(db, 60)).toBe(true);
    expect(await raiseMonitorStale(db, 60)).toBe(false);
    expect((await staleEvents()).map((e) => [e.sessionId, e.details])).toEqual([
      [null, { lastBeatAt: expect.any(String), monitors: 2 }],
    ]);

    // Later a monitor comes back, then falls silent again: a new silence, a new event.
    await db.execute(
      sql`update alert_events set created_at = now() - interval '10 minutes' where kind = 'monitor.stale'`,
    );
    await beatAgo("worker-a", 0);
    expect(await raiseMonitorStale(db, 60)).toBe(false);
    await db.execute(sql`update ${monitorHeartbeats} set beat_at = now() - interval '2 minutes'`);
    expect(await raiseMonitorStale(db, 60)).toBe(true);
    expect(await staleEvents()).toHaveLength(2);
    await db.delete(monitorHeartbeats).where(sql`true`);
  });
});
