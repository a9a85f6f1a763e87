import { eq } from "drizzle-orm";
import { Api } from "telegram";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { telegramAccounts, telegramSessions } from "@/db/schema";
import { ConnectionManager } from "@/lib/telegram/connection/manager";
import { createTestDatabase, allDrivers, type TestDatabase } from "@/tests/support/database";
import { checkSession } from "./check";
import { healthConfig } from "./config";
import { seedOne, sessionEventsOf, sessionRow } from "@/tests/support/sandbox-sessions";
import { shortDeadlines, startConsoleSandbox } from "@/tests/support/sandbox";
import { loginForeignDevice } from "@/tests/rotation/foreign-device";

const sandbox = await startConsoleSandbox(shortDeadlines);

describe.each(allDrivers)("health check on %s", (driver) => {
  let database: TestDatabase;
  let check: (id: string) => ReturnType<typeof checkSession>;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
    const manager = new ConnectionManager({
      idleMs: 0,
      connectAttempts: 2,
      connectBackoff: { baseMs: 20, maxMs: 50 },
      floodSleepSeconds: 3,
    });
    const config = healthConfig({ intervalSeconds: 300, retryBaseSeconds: 30 });
    check = (id) => checkSession(database.db, id, { manager, config });
  });
  afterAll(() => database.close());

  const alertsOf = (id: string) =>
    database.db.query.alertEvents.findMany({ where: (a, { eq: is }) => is(a.sessionId, id), orderBy: (a) => a.id });
  const checkEvents = async (id: string) => (await sessionEventsOf(database.db, id)).filter((e) => e.kind === "check");

  it("finds a healthy session active, with latencies, last use and an expiry forecast", async () => {
    const { id, phone } = await seedOne(database.db);
    const result = await check(id);
    expect(result).toMatchObject({ result: "ok", status: "active", errorCode: null });
    const row = await sessionRow(database.db, id);
    expect(row).toMatchObject({ status: "active", authFailures: 0, lastError: null });
    expect(row.authorizationTtlDays).toBeGreaterThan(0);
    expect(row.expiresAt?.getTime()).toBeCloseTo(Date.now() + (row.authorizationTtlDays ?? 0) * 86_400_000, -5);
    expect(row.nextCheckAt.getTime() - Date.now()).toBeGreaterThan(260_000);
    const [event] = await checkEvents(id);
    expect(event?.detail).toMatchObject({ result: "ok", from: "active", to: "active" });
    expect(event?.latencyMs).toBeTypeOf("number");
    // A clean, brief connection leaves only the check (which carries the connect time).
    expect((await sessionEventsOf(database.db, id)).map((e) => e.kind)).toEqual(["check"]);
    expect(sandbox.log(phone).map((e) => e.method)).toContain("users.GetUsers");
  });

  it("marks a session revoked at Telegram invalid, keeps the evidence, and never checks it again", async () => {
    const { id, phone } = await seedOne(database.db);
    const [authorization] = sandbox.authorizations(phone);
    sandbox.revokeAuthorization(authorization?.id ?? "");
    expect(await check(id)).toMatchObject({ result: "invalid", status: "invalid", errorCode: "SESSION_REVOKED" });
    const row = await sessionRow(database.db, id);
    expect(row).toMatchObject({ status: "invalid", lastError: "SESSION_REVOKED", authFailures: 1 });
    const [event] = await checkEvents(id);
    expect(event?.detail).toMatchObject({
      result: "invalid",
      from: "active",
      to: "invalid",
      errorClass: "terminal",
      errorCode: "SESSION_REVOKED",
      at: expect.any(String),
    });
    expect((await alertsOf(id)).map((a) => [a.kind, a.details])).toEqual([
      ["session.invalid", expect.objectContaining({ errorCode: "SESSION_REVOKED", method: "users.GetUsers" })],
      ["session.revoked_elsewhere", expect.objectContaining({ errorCode: "SESSION_REVOKED" })],
    ]);
    const requests = sandbox.log(phone).length;
    expect(await check(id)).toMatchObject({ result: "skipped", status: "invalid" });
    expect(sandbox.log(phone)).toHaveLength(requests);
  });

  it("reconciles the account's device list once every RECONCILE_INTERVAL_MINUTES, so a foreign device is raised unasked", async () => {
    const { id, phone } = await seedOne(database.db);
    const { accountId } = await sessionRow(database.db, id);
    const deviceListReads = () => sandbox.log(phone).filter((e) => e.method === "account.GetAuthorizations").length;
    const foreignAlerts = async () => (await alertsOf(id)).filter((a) => a.kind === "device.foreign");
    await check(id);
    expect(deviceListReads()).toBe(1);
    await loginForeignDevice(sandbox, phone);

    // Reconciled a moment ago: the next check leaves the list alone.
    expect(await check(id)).toMatchObject({ result: "ok" });
    expect(deviceListReads()).toBe(1);
    expect(await foreignAlerts()).toEqual([]);

    await database.db
      .update(telegramAccounts)
      .set({ devicesReconciledAt: new Date(Date.now() - 31 * 60_000) })
      .where(eq(telegramAccounts.id, accountId));
    expect(await check(id)).toMatchObject({ result: "ok", status: "active" });
    expect(deviceListReads()).toBe(2);
    expect((await foreignAlerts()).map((a) => a.details)).toEqual([
      expect.objectContaining({ deviceModel: "Pixel 8" }),
    ]);
    const account = await database.db.query.telegramAccounts.findFirst({ where: eq(telegramAccounts.id, accountId) });
    expect(Date.now() - (account?.devicesReconciledAt?.getTime() ?? 0)).toBeLessThan(60_000);
  });

  it("marks a session logged out elsewhere invalid on AUTH_KEY_UNREGISTERED", async () => {
    const { id } = await seedOne(database.db);
    await new ConnectionManager({ idleMs: 0 }).run(database.db, id, (client) => client.invoke(new Api.auth.LogOut()));
    expect(await check(id)).toMatchObject({ result: "invalid", status: "invalid", errorCode: "AUTH_KEY_UNREGISTERED" });
  });

  it("makes a session degraded, never invalid, while the transport drops or stalls, and active again after", async () => {
    const { id, phone } = await seedOne(database.db);
    sandbox.addTransportFault({ kind: "drop", times: 0, phone });
    expect(await check(id)).toMatchObject({ result: "degraded", status: "degraded" });
    sandbox.clearFaults();
    sandbox.addTransportFault({ kind: "stall", times: 0, phone });
    expect(await check(id)).toMatchObject({ result: "degraded", status: "degraded" });
    const degraded = await sessionRow(database.db, id);
    expect(degraded.authFailures).toBe(2);
    // Retried sooner than the regular interval, with backoff: 30 s · 2^(2-1), jittered into [30 s, 60 s].
    expect(degraded.nextCheckAt.getTime() - Date.now()).toBeLessThan(61_000);
    sandbox.clearFaults();
    expect(await check(id)).toMatchObject({ result: "ok", status: "active" });
    expect((await sessionRow(database.db, id)).authFailures).toBe(0);
    expect((await checkEvents(id)).map((e) => (e.detail as { to: string }).to)).toEqual([
      "degraded",
      "degraded",
      "active",
    ]);
    expect((await alertsOf(id)).map((a) => a.kind)).toEqual(["session.degraded", "session.recovered"]);
    const connection = (await sessionEventsOf(database.db, id))
      .filter((e) => e.kind === "connection")
      .map((e) => e.detail);
    expect(connection).toContainEqual(expect.objectContaining({ state: "failed", errorCode: "TIMEOUT" }));
  });

  it("reschedules a session Telegram asked to wait, counts the hit, and sends nothing more until the wait ends", async () => {
    const { id, phone } = await seedOne(database.db);
    sandbox.addFault({ method: "users.GetUsers", error: "FLOOD_WAIT_30", code: 420, times: 1, phone });
    expect(await check(id)).toMatchObject({ result: "flood_wait", status: "active" });
    const row = await sessionRow(database.db, id);
    expect(row.rateLimitHits).toBe(1);
    expect(row.nextCheckAt.getTime()).toBeGreaterThan(row.floodWaitUntil?.getTime() ?? Infinity);
    const requests = sandbox.log(phone).length;
    expect(await check(id)).toMatchObject({ result: "flood_wait" });
    expect(sandbox.log(phone)).toHaveLength(requests);
  });

  it("reports a session whose stored key does not decrypt, without calling it dead", async () => {
    const [first, second] = [await seedOne(database.db), await seedOne(database.db)];
    // Another row's envelope: bound to that row, so it must not open here.
    const other = await sessionRow(database.db, second.id);
    await database.db
      .update(telegramSessions)
      .set({ sessionCiphertext: other.sessionCiphertext })
      .where(eq(telegramSessions.id, first.id));
    const requests = sandbox.log(first.phone).length;
    expect(await check(first.id)).toMatchObject({ result: "error", status: "active", errorCode: "DECRYPT_FAILED" });
    expect(await sessionRow(database.db, first.id)).toMatchObject({
      decryptFailed: true,
      lastError: "DECRYPT_FAILED",
      status: "active",
    });
    expect(sandbox.log(first.phone)).toHaveLength(requests);
  });
});
