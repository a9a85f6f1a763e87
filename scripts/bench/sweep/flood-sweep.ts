import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { telegramSessions } from "@/db/schema";
import { CONCURRENT_KEY_USE } from "@/sandbox/mtproto/encrypted-session";
import type { LogEntry } from "@/sandbox/server/request-log";
import { createTestDatabase } from "@/tests/support/database";
import { FloodAudit } from "./flood-audit";
import { HealthMonitor } from "@/lib/health/monitor";
import { startSandboxProcess } from "../sandbox-process";
import { seedMintedSessions, sandboxPhone } from "@/tests/support/sandbox-sessions";

/**
 * npx tsx scripts/bench/sweep/flood-sweep.ts [--sessions 1000] [--floods 20] [--monitors 1]
 * Seeds N sandbox sessions (minted by the sandbox, as a finished login leaves them) into a fresh Postgres database (TEST_DATABASE_URL), injects
 * FLOOD_WAITs for some (half short enough to sleep through, half long), then runs one full sweep in a
 * separate monitor process at the default concurrency and prints its wall time, peak RSS, and the requests
 * any session sent inside its own flood wait (must be 0). With --monitors 2 the sweep is shared by two
 * monitor processes; the sandbox must then log no concurrent_key_use (one key never used twice at once).
 */
const { values } = parseArgs({
  options: {
    sessions: { type: "string", default: "1000" },
    floods: { type: "string", default: "20" },
    monitors: { type: "string", default: "1" },
  },
});
const total = Number(values.sessions);
const floods = Math.min(total, Number(values.floods));

const sandbox = await startSandboxProcess();
process.env.TELEGRAM_SANDBOX_URL = sandbox.info.control;
process.env.SESSION_ENCRYPTION_KEYS ??= `bench:${randomBytes(32).toString("base64")}`;
const database = await createTestDatabase("postgres");
try {
  const phones = Array.from({ length: total }, (_, i) => sandboxPhone(1 + (i % 3), 1 + Math.floor(i / 3)));
  const seedStarted = performance.now();
  await seedMintedSessions(database.db, phones);
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  await database.db
    .update(telegramSessions)
    .set({ nextCheckAt: sql`now()` })
    .where(sql`true`);

  const flooded = phones.slice(0, floods);
  for (const [i, phone] of flooded.entries()) {
    const error = i % 2 === 0 ? "FLOOD_WAIT_5" : "FLOOD_WAIT_120";
    await sandbox.control("POST", "/faults", { method: "users.GetUsers", error, code: 420, times: 1, phone });
  }
  const audit = new FloodAudit(sandbox, flooded);
  audit.start();
  const monitors = await Promise.all(
    Array.from({ length: Number(values.monitors) }, () => runMonitorProcess(database.url ?? "")),
  );
  // Each process times its own first sweep; they start together, so the slower one is the sweep's time.
  const figures = {
    concurrency: monitors[0]?.concurrency ?? 0,
    wallMs: Math.max(...monitors.map((m) => m.wallMs)),
    peakRssBytes: Math.max(...monitors.map((m) => m.peakRssBytes)),
  };
  // Every session still inside a flood wait, made due on purpose: the ledger must keep each from sending anything.
  await database.db
    .update(telegramSessions)
    .set({ nextCheckAt: sql`now()` })
    .where(sql`${telegramSessions.floodWaitUntil} > now()`);
  const inWait = await new HealthMonitor(database.db).sweepOnce();
  await audit.stop();
  const concurrentKeyUse = (await sandbox.control<LogEntry[]>("GET", "/log")).filter(
    (entry) => entry.result === CONCURRENT_KEY_USE,
  ).length;

  const byStatus = await database.db
    .select({
      status: telegramSessions.status,
      n: sql<number>`count(*)::int`,
      hits: sql<number>`sum(rate_limit_hits)::int`,
    })
    .from(telegramSessions)
    .groupBy(telegramSessions.status);
  console.log(
    JSON.stringify(
      {
        sessions: total,
        seedSeconds: Math.round(seedSeconds),
        ...figures,
        monitors,
        inWait,
        floodAudit: audit.count(),
        concurrentKeyUse,
        byStatus,
      },
      null,
      2,
    ),
  );
  console.log(
    `\n${total} sessions, one sweep by ${monitors.length} monitor process(es) at concurrency ${figures.concurrency}: ${(figures.wallMs / 1000).toFixed(1)} s wall, ` +
      `peak RSS ${(figures.peakRssBytes / 2 ** 20).toFixed(0)} MiB, requests sent during flood waits: ${audit.count().requestsDuringWaits}`,
  );
} finally {
  await database.close();
  await sandbox.stop();
}

type Figures = { wallMs: number; peakRssBytes: number; concurrency: number; sweep: unknown };

function runMonitorProcess(databaseUrl: string): Promise<Figures> {
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/bench/sweep/sweep-child.ts"],
    {
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => {
      const last = output.trim().split("\n").at(-1) ?? "";
      if (code === 0 && last.startsWith("{")) resolve(JSON.parse(last) as Figures);
      else reject(new Error(`monitor process exited with ${code}: ${output}`));
    });
  });
}
