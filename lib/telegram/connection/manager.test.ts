import { eq, sql } from "drizzle-orm";
import { CONCURRENT_KEY_USE } from "@/sandbox/mtproto/encrypted-session";
import { Api } from "telegram";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { telegramSessions } from "@/db/schema";
import { seedOne, sessionEventsOf, sessionRow } from "@/tests/support/sandbox-sessions";
import { shortDeadlines, startConsoleSandbox } from "@/tests/support/sandbox";
import { createTestDatabase, allDrivers, type TestDatabase } from "@/tests/support/database";
import { sleep } from "./backoff";
import { SessionBusyError, SessionUnavailableError } from "./errors";
import { ConnectionManager } from "./manager";

const sandbox = await startConsoleSandbox(shortDeadlines);

const fast = { idleMs: 0, connectAttempts: 2, connectBackoff: { baseMs: 20, maxMs: 100 } };
const getSelf = (client: { invoke: (r: Api.users.GetUsers) => Promise<unknown> }) =>
  client.invoke(new Api.users.GetUsers({ id: [new Api.InputUserSelf()] }));

describe.each(allDrivers)("connection manager on %s", (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(() => database.close());

  it("lets one process at a time connect a session: the other gets SessionBusyError, never a second connection", async () => {
    const { db } = database;
    const { id, phone } = await seedOne(db);
    const [a, b] = [new ConnectionManager(fast), new ConnectionManager(fast)];
    let finish = () => {};
    const holding = new Promise<void>((resolve) => (finish = resolve));
    let started = () => {};
    const connected = new Promise<void>((resolve) => (started = resolve));
    const first = a.run(db, id, async (client) => {
      await getSelf(client);
      started();
      await holding;
      return "a";
    });
    await connected;
    await expect(b.run(db, id, async () => "b")).rejects.toBeInstanceOf(SessionBusyError);
    expect((await sessionRow(db, id)).leaseOwner).toBe(a.owner);
    finish();
    expect(await first).toBe("a");
    expect(await b.run(db, id, async (client) => Boolean(await getSelf(client)))).toBe(true);
    expect(sandbox.log(phone).some((entry) => entry.result === CONCURRENT_KEY_USE)).toBe(false);
    expect((await sessionRow(db, id)).leaseOwner).toBeNull();
  });

  it("queues one process's work on a session through one connection", async () => {
    const { db } = database;
    const { id } = await seedOne(db);
    const manager = new ConnectionManager({ ...fast, idleMs: 5_000 });
    let inFlight = 0;
    let most = 0;
    const job = () =>
      manager.run(db, id, async (client) => {
        most = Math.max(most, ++inFlight);
        await getSelf(client);
        inFlight--;
      });
    await Promise.all([job(), job(), job(), job()]);
    expect(most).toBe(1);
    expect(manager.connectedCount()).toBe(1);
    await manager.closeAll();
    const states = (await sessionEventsOf(db, id)).map((e) => (e.detail as { state?: string }).state);
    expect(states).toEqual(["connected", "disconnected"]);
    expect((await sessionRow(db, id)).lastUsedAt).not.toBeNull();
    // Once the TTL is known (the monitor reads it), every use moves the expiry forecast.
    await db.update(telegramSessions).set({ authorizationTtlDays: 7 }).where(eq(telegramSessions.id, id));
    await manager.run(db, id, getSelf);
    const used = await sessionRow(db, id);
    expect((used.expiresAt?.getTime() ?? 0) - (used.lastUsedAt?.getTime() ?? 0)).toBe(7 * 86_400_000);
    await manager.closeAll();
  });

  it("takes a lease over only after it has expired", async () => {
    const { db } = database;
    const { id } = await seedOne(db);
    const crashed = (offset: string) =>
      db
        .update(telegramSessions)
        .set({ leaseOwner: "crashed-process", leaseUntil: sql`now() + ${sql.raw(`interval '${offset}'`)}` })
        .where(eq(telegramSessions.id, id));
    await crashed("30 seconds");
    const manager = new ConnectionManager(fast);
    await expect(manager.run(db, id, getSelf)).rejects.toBeInstanceOf(SessionBusyError);
    await crashed("-1 second");
    await expect(manager.run(db, id, getSelf)).resolves.toBeTruthy();
  });

  it("renews the lease while connected, releases it on disconnect, and closes idle clients", async () => {
    const { db } = database;
    const { id } = await seedOne(db);
    const manager = new ConnectionManager({ ...fast, leaseSeconds: 2, idleMs: 300 });
    await manager.run(db, id, async (client) => {
      // Longer than the lease: only renewals keep it ours.
      await sleep(2_500);
      const row = await sessionRow(db, id);
      expect(row.leaseOwner).toBe(manager.owner);
      expect(row.leaseUntil?.getTime()).toBeGreaterThan(Date.now());
      return getSelf(client);
    });
    expect(manager.connectedCount()).toBe(1);
    await expect.poll(() => manager.connectedCount(), { timeout: 5_000 }).toBe(0);
    await expect.poll(async () => (await sessionRow(db, id)).leaseOwner, { timeout: 5_000 }).toBeNull();
    const last = (await sessionEventsOf(db, id)).at(-1);
    expect(last).toMatchObject({ kind: "connection", detail: { state: "disconnected", reason: "idle" } });
  });

  it("stops talking to Telegram at once when its lease turns out to be someone else's", async () => {
    const { db } = database;
    const { id } = await seedOne(db);
    const manager = new ConnectionManager({ ...fast, leaseSeconds: 1 });
    const work = manager.run(db, id, async (client) => {
      await db.update(telegramSessions).set({ leaseOwner: "another-process" }).where(eq(telegramSessions.id, id));
      await expect.poll(() => manager.connectedCount(), { timeout: 3_000 }).toBe(0);
      return getSelf(client);
    });
    await expect(work).rejects.toThrow();
    const states = (await sessionEventsOf(db, id)).map((e) => e.detail as { state?: string; reason?: string });
    expect(states).toContainEqual(expect.objectContaining({ state: "disconnected", reason: "lease_lost" }));
    expect((await sessionRow(db, id)).leaseOwner).toBe("another-process");
  });

  it("refuses a session that does not exist", async () => {
    const manager = new ConnectionManager(fast);
    await expect(manager.run(database.db, "00000000-0000-4000-8000-000000000000", getSelf)).rejects.toBeInstanceOf(
      SessionUnavailableError,
    );
  });
});
