import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { telegramSessions } from "@/db/schema";
import { ConnectionManager } from "@/lib/telegram/connection/manager";
import { createTestDatabase, allDrivers, type TestDatabase } from "@/tests/support/database";
import { checkSession } from "./check";
import { claimDueCheck } from "@/db/queries/session-health";
import { healthConfig } from "./config";
import { HealthMonitor } from "./monitor";
import { nextPhones, sessionEventsOf, sessionRow, seedMintedSessions } from "@/tests/support/sandbox-sessions";
import { shortDeadlines, startConsoleSandbox } from "@/tests/support/sandbox";

const sandbox = await startConsoleSandbox(shortDeadlines);

const config = healthConfig({ concurrency: 2 });

describe.each(allDrivers)("the sweep's claimed checks on %s", (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(() => database.close());

  const seed = async () => {
    const [phone] = nextPhones(1);
    const [seeded] = await seedMintedSessions(database.db, [phone!]);
    return { id: seeded!.id, phone: phone! };
  };

  it("carry the flood ledger: a due session inside a long wait is rescheduled and sent nothing", async () => {
    const { id, phone } = await seed();
    sandbox.addFault({ method: "users.GetUsers", error: "FLOOD_WAIT_120", code: 420, times: 1, phone });
    const sweep = () => new HealthMonitor(database.db, new ConnectionManager({ idleMs: 0 }), config).sweepOnce();
    expect((await sweep()).results).toEqual({ flood_wait: 1 });
    const requests = sandbox.log(phone).length;
    // Due again while the wait lasts, in a fresh process's monitor: only the claim's copy of the ledger knows.
    await database.db
      .update(telegramSessions)
      .set({ nextCheckAt: sql`now()` })
      .where(eq(telegramSessions.id, id));
    expect((await sweep()).results).toEqual({ flood_wait: 1 });
    expect(sandbox.log(phone)).toHaveLength(requests);
    const row = await sessionRow(database.db, id);
    expect(row).toMatchObject({ status: "active", leaseOwner: null, leaseUntil: null, rateLimitHits: 1 });
    expect(row.nextCheckAt.getTime()).toBeGreaterThan(row.floodWaitUntil!.getTime());
  });

  it("write the outcome, its event and the lease release together, and leave a session revoked meanwhile as it is", async () => {
    const manager = new ConnectionManager({ idleMs: 0 });
    const healthy = await seed();
    const claimed = await claimDueCheck(database.db, manager.owner, 60);
    expect(claimed).toMatchObject({ id: healthy.id, status: "active", authFailures: 0, floodWaits: new Map() });
    expect(await checkSession(database.db, healthy.id, { manager, config, claimed })).toMatchObject({
      result: "ok",
      status: "active",
    });
    expect(await sessionRow(database.db, healthy.id)).toMatchObject({
      status: "active",
      leaseOwner: null,
      lastError: null,
    });
    expect((await sessionEventsOf(database.db, healthy.id)).map((e) => e.kind)).toEqual(["check"]);

    const revoked = await seed();
    const claimedRevoked = await claimDueCheck(database.db, manager.owner, 60);
    await database.db.update(telegramSessions).set({ status: "revoked" }).where(eq(telegramSessions.id, revoked.id));
    expect(await checkSession(database.db, revoked.id, { manager, config, claimed: claimedRevoked })).toMatchObject({
      result: "ok",
      status: "revoked",
    });
    expect(await sessionRow(database.db, revoked.id)).toMatchObject({
      status: "revoked",
      leaseOwner: null,
      leaseUntil: null,
      lastCheckAt: null,
    });
    expect(await sessionEventsOf(database.db, revoked.id)).toEqual([]);
  });
});
