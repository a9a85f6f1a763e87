import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { and, eq, gt, inArray, isNotNull, sql } from "drizzle-orm";
import { monitorHeartbeats, sessionEvents, telegramSessions } from "@/db/schema";
// Playwright loads specs outside any server bundle, where lib/vault's server-only fence throws: import the part.
import { parseKeyRing } from "@/lib/vault/key-ring";
import { freePort } from "@/scripts/bench/api/free-port";
import { createTestDatabase } from "@/tests/support/database";
import { sandboxPhone, seedMintedSessions } from "@/tests/support/sandbox-sessions";
import { adminApiToken } from "./support/crash-admin";
import { ConsoleProcess } from "./support/crash-console";
import { ConsoleApi } from "./support/crash-operations";
import { SandboxProcess } from "./support/crash-sandbox";
import { checkTimes, gapsOf, probeMethod, shares } from "./support/scale-checks";
import { WorkerProcess } from "./support/worker-process";

// Issue 19: two consoles and two workers on one Postgres, the sandbox's request log as the ground truth.
// `npm test` runs the short form; `npm run test:soak:scale` the long one (SCALE_SESSIONS=1000).
const sessions = Number(process.env.SCALE_SESSIONS ?? 200);
const intervalSeconds = Number(process.env.SCALE_INTERVAL_SECONDS ?? 30);
const cycles = 2;
const pollSeconds = 2;
const leaseSeconds = 15;
/** How late a check may come on a loaded machine beyond the interval's +10 % jitter and one poll. */
const slackSeconds = 10;
const latestGapSeconds = intervalSeconds * 1.1 + pollSeconds * 1.2 + slackSeconds;
const dataDir = path.resolve(".data", `scale-${process.pid}`);
const loginPhone = sandboxPhone(2, 9001);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

test("two consoles and two workers on one Postgres check every session once per interval and survive a killed worker", async () => {
  test.setTimeout(300_000 + sessions * 600);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const started = Date.now();
  const sandbox = await SandboxProcess.start(path.join(dataDir, "sandbox"), sessions * 40 + 20_000);
  const database = await createTestDatabase("postgres");
  const { db } = database;
  const keys = `scale:${randomBytes(32).toString("base64")}`;
  const phones = Array.from({ length: sessions }, (_, i) => sandboxPhone(1 + (i % 3), 1 + Math.floor(i / 3)));
  const seeded = await seedMintedSessions(db, phones, { control: sandbox.control, ring: parseKeyRing(keys) });
  const keyOf = new Map(seeded.map((s) => [s.id, s.authKeyId]));
  const shared = {
    DATABASE_URL: database.url!,
    SESSION_ENCRYPTION_KEYS: keys,
    REQUIRE_ADMIN_MFA: "off",
    TELEGRAM_SANDBOX_URL: sandbox.control,
    HEALTH_CHECK_INTERVAL_SECONDS: String(intervalSeconds),
    HEALTH_MONITOR_POLL_SECONDS: String(pollSeconds),
    TELEGRAM_LEASE_SECONDS: String(leaseSeconds),
    LOG_LEVEL: "warn",
  };
  const consoleEnv = {
    ...shared,
    NODE_ENV: "production",
    DATA_DIR: dataDir,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    // The consoles answer requests; the workers do the background work.
    HEALTH_MONITOR: "off",
  };
  const consoles = await Promise.all(
    ["a", "b"].map(
      async (name) => new ConsoleProcess(await freePort(), consoleEnv, path.join(dataDir, `console-${name}.log`)),
    ),
  );
  const workers: WorkerProcess[] = [];
  const owners: string[] = [];
  /** Starts a worker and resolves with its lease owner id once its first heartbeat is in. */
  const startWorker = async (): Promise<string> => {
    const worker = new WorkerProcess(shared, path.join(dataDir, `worker-${workers.length + 1}.log`));
    workers.push(worker);
    worker.start();
    const owner = await waitFor("a new worker's heartbeat", 90_000, async () => {
      const rows = await db.select({ owner: monitorHeartbeats.owner }).from(monitorHeartbeats);
      return rows.find((row) => !owners.includes(row.owner))?.owner;
    });
    owners.push(owner);
    return owner;
  };
  const checksBy = async (owner: string) =>
    (await db.select().from(monitorHeartbeats).where(eq(monitorHeartbeats.owner, owner)))[0]?.checks ?? 0;

  try {
    await Promise.all(consoles.map((c) => c.start(120_000)));
    const [consoleA, consoleB] = consoles as [ConsoleProcess, ConsoleProcess];
    const token = await adminApiToken(db);
    const apiA = new ConsoleApi(consoleA.baseUrl, token);
    const apiB = new ConsoleApi(consoleB.baseUrl, token);
    const firstOwner = await startWorker();
    const secondOwner = await startWorker();

    // Every seeded session was due at once: the first sweep is done when each has been checked.
    await waitFor("the first sweep", sessions * 500 + 60_000, async () => {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(telegramSessions)
        .where(isNotNull(telegramSessions.lastCheckAt));
      return row!.n >= sessions ? true : undefined;
    });
    const steadyFrom = Date.now();

    // A login through one console and its rotation through the other, while the workers sweep.
    const loggedIn = await apiA.login(loginPhone, "unused");
    let rotated: { newSessionId: string } | undefined;
    for (let attempt = 0; !rotated; attempt++) {
      try {
        rotated = await apiB.post<{ newSessionId: string }>(`/api/v1/sessions/${loggedIn}/rotate`, {});
      } catch (error) {
        // A worker may be checking the new session this very moment (409 busy): an operator tries again.
        if (attempt >= 20 || !String(error).includes(": 409 ")) throw error;
        await sleep(1000);
      }
    }
    const rotatedSessionId = rotated.newSessionId;
    await sleep(Math.max(0, steadyFrom + cycles * intervalSeconds * 1100 - Date.now()));
    const firstShare = [await checksBy(firstOwner), await checksBy(secondOwner)];

    // kill -9 of the first worker in the middle of a sweep: some sessions are leased to it.
    const orphans = await waitFor("the first worker mid-sweep", intervalSeconds * 3000, async () => {
      const rows = await db
        .select({ id: telegramSessions.id, leaseUntil: telegramSessions.leaseUntil })
        .from(telegramSessions)
        .where(eq(telegramSessions.leaseOwner, firstOwner));
      return rows.length >= 2 ? rows : undefined;
    });
    await workers[0]!.kill();
    const killedAt = Date.now();
    const orphanIds = orphans.map((o) => o.id);
    await waitFor("the orphaned sessions checked again", (leaseSeconds + intervalSeconds) * 1000, async () => {
      const rows = await db
        .select({ id: telegramSessions.id })
        .from(telegramSessions)
        .where(and(inArray(telegramSessions.id, orphanIds), gt(telegramSessions.lastCheckAt, new Date(killedAt))));
      return rows.length === orphanIds.length ? true : undefined;
    });

    // A new worker: the work spreads over both again within a cycle.
    const thirdOwner = await startWorker();
    const before = [await checksBy(secondOwner), await checksBy(thirdOwner)];
    await sleep(intervalSeconds * 1200 + pollSeconds * 2000);
    const after = [await checksBy(secondOwner), await checksBy(thirdOwner)];
    const endedAt = Date.now();
    const log = await sandbox.log();

    // The log holds the whole run (none of it was trimmed).
    expect(log.length).toBeLessThan(sessions * 40 + 20_000);
    expect(log.filter((e) => e.result === "AUTH_KEY_DUPLICATED" || e.result === "concurrent_key_use")).toEqual([]);
    const times = checkTimes(log);
    const seededKeys = [...keyOf.values()];
    const orphanKeys = new Set(orphanIds.map((id) => keyOf.get(id)!));

    // Every session checked once per interval: no gap longer than the interval (+10 % jitter, a poll and slack),
    // but an orphan's across the kill, which may last its lease more; and none forgotten at the end.
    const gaps = gapsOf(times, seededKeys);
    const late = gaps.filter(
      (g) => g.seconds > latestGapSeconds + (orphanKeys.has(g.authKeyId) && g.to > killedAt ? leaseSeconds : 0),
    );
    expect(late, `checks later than ${latestGapSeconds} s after the previous one`).toEqual([]);
    for (const key of seededKeys) {
      const list = times.get(key) ?? [];
      expect(list.length, `checks of key ${key}`).toBeGreaterThanOrEqual(cycles + 2);
      expect((endedAt - list.at(-1)!) / 1000).toBeLessThan(latestGapSeconds);
    }

    // None checked twice in one slot: two checks under 0.8 × the interval apart, unless the first did not count
    // (a failed check is retried sooner; an orphan's check cut short by the kill is done again).
    const failed = await db
      .selectDistinct({ id: sessionEvents.sessionId })
      .from(sessionEvents)
      .where(and(eq(sessionEvents.kind, "check"), sql`${sessionEvents.detail}->>'result' <> 'ok'`));
    const retried = new Set(failed.map((row) => keyOf.get(row.id)));
    expect(retried.size, "sessions with a failed check").toBeLessThan(sessions * 0.05);
    const twice = gaps.filter(
      (g) =>
        g.seconds < intervalSeconds * 0.8 &&
        !retried.has(g.authKeyId) &&
        !(orphanKeys.has(g.authKeyId) && g.from <= killedAt + 1000 && g.to > killedAt),
    );
    expect(twice, "checked twice in one slot").toEqual([]);

    // Both workers took a share of the steady sweeps.
    expect(Math.min(...firstShare) / (firstShare[0]! + firstShare[1]!), shares(firstShare)).toBeGreaterThan(0.1);

    // The orphans waited for their lease to run out, then the surviving worker took them within one lease period.
    for (const orphan of orphans) {
      const key = keyOf.get(orphan.id)!;
      const afterKill = (times.get(key) ?? []).filter((at) => at > killedAt + 1000);
      expect(afterKill.length, `checks of orphan ${orphan.id} after the kill`).toBeGreaterThan(0);
      const leaseEnd = orphan.leaseUntil!.getTime();
      expect(afterKill[0]!, "an orphan checked while the killed worker's lease held").toBeGreaterThanOrEqual(
        leaseEnd - 500,
      );
      expect((afterKill[0]! - killedAt) / 1000).toBeLessThanOrEqual(leaseSeconds + pollSeconds * 1.2 + slackSeconds);
    }

    // After the restart the work spreads again.
    const spread = [after[0]! - before[0]!, after[1]! - before[1]!];
    expect(spread[0]! + spread[1]!).toBeGreaterThanOrEqual(sessions * 0.8);
    expect(Math.min(...spread) / (spread[0]! + spread[1]!), shares(spread)).toBeGreaterThan(0.1);

    // The login and the rotation went through while the workers swept: the new key is checked, the old one is gone.
    const [rotatedRow] = await db.select().from(telegramSessions).where(eq(telegramSessions.id, rotatedSessionId));
    expect(rotatedRow).toMatchObject({ status: "active", rotatedFromId: loggedIn });
    expect(rotatedRow!.lastCheckAt).not.toBeNull();
    const authorizations = await sandbox.authorizations(loginPhone);
    expect(authorizations.filter((a) => a.state === "active")).toHaveLength(1);
    expect(log.filter((e) => e.phone === loginPhone && e.method === probeMethod && e.result !== "ok")).toEqual([]);
    console.log(
      `scale-out: ${sessions} sessions, interval ${intervalSeconds} s, ${gaps.length} check gaps, ` +
        `${orphans.length} orphans; steady shares ${shares(firstShare)}, after restart ${shares(spread)}; ` +
        `wall ${Math.round((Date.now() - started) / 1000)} s`,
    );
  } finally {
    await Promise.all([...workers.map((w) => w.kill()), ...consoles.map((c) => c.kill())]);
    await database.close();
    await sandbox.stop();
  }
});
