import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { telegramSessions } from "@/db/schema";
import { FloodAudit } from "@/scripts/bench/sweep/flood-audit";
import { startSandboxProcess } from "@/scripts/bench/sandbox-process";
import { createTestDatabase } from "@/tests/support/database";
import { fmt, type Figure } from "../figure";
import { requestsPerCheck } from "../sweep/requests-per-check";
import { runMonitorSweep } from "../sweep/run-monitor";
import { seedWithinBudget } from "../sweep/seed-within";

const wanted = Number(process.env.BENCH_SWEEP_SESSIONS ?? 1000);
const seedBudgetSeconds = Number(process.env.BENCH_SWEEP_SEED_SECONDS ?? 120);
const delayMs = 20;

/** One health sweep with the sandbox adding 20 ms to every answer; then one with FLOOD_WAITs, audited. */
export async function sweepBench(): Promise<Figure[]> {
  const sandbox = await startSandboxProcess();
  process.env.TELEGRAM_SANDBOX_URL = sandbox.info.control;
  process.env.SESSION_ENCRYPTION_KEYS ??= `bench:${randomBytes(32).toString("base64")}`;
  const database = await createTestDatabase("postgres");
  const makeAllDue = () =>
    database.db
      .update(telegramSessions)
      .set({ nextCheckAt: sql`now()` })
      .where(sql`true`);
  try {
    const { phones, seconds } = await seedWithinBudget(database.db, wanted, seedBudgetSeconds);
    await makeAllDue();
    await sandbox.control("POST", "/transport-faults", { kind: "delay", ms: delayMs, times: 0 });
    const since = Date.now();
    const timed = await runMonitorSweep(database.url ?? "");
    const perCheck = await requestsPerCheck(sandbox, since);
    await sandbox.control("DELETE", "/faults");

    const flooded = phones.slice(0, Math.min(20, phones.length));
    for (const [i, phone] of flooded.entries()) {
      await sandbox.control("POST", "/faults", {
        method: "users.GetUsers",
        error: i % 2 === 0 ? "FLOOD_WAIT_5" : "FLOOD_WAIT_120",
        code: 420,
        times: 1,
        phone,
      });
    }
    await makeAllDue();
    const audit = new FloodAudit(sandbox, flooded);
    audit.start();
    await runMonitorSweep(database.url ?? "");
    // Sessions still inside a wait, made due on purpose: a sweep must send them nothing.
    await database.db
      .update(telegramSessions)
      .set({ nextCheckAt: sql`now()` })
      .where(sql`${telegramSessions.floodWaitUntil} > now()`);
    await runMonitorSweep(database.url ?? "");
    await audit.stop();
    return figures(phones.length, seconds, timed, perCheck, audit.count());
  } finally {
    await database.close();
    await sandbox.stop();
  }
}

function figures(
  sessions: number,
  seedSeconds: number,
  timed: Awaited<ReturnType<typeof runMonitorSweep>>,
  perCheck: number,
  floods: { floodAnswers: number; requestsDuringWaits: number },
): Figure[] {
  const idealMs = (sessions * perCheck * delayMs) / timed.concurrency;
  const ratio = timed.wallMs / idealMs;
  const rssMiB = timed.peakRssBytes / 2 ** 20;
  const scope = `${sessions} sessions${sessions < wanted ? ` (of ${wanted}: what seeded in ${seedBudgetSeconds} s)` : ""}, seeded in ${fmt(seedSeconds, 0)} s`;
  return [
    {
      part: "sweep",
      name: "Sweep wall time vs ideal",
      target: "≤ 1.3×",
      measured: `${fmt(ratio, 2)}× (${fmt(timed.wallMs / 1000, 2)} s vs ${fmt(idealMs / 1000, 2)} s)`,
      pass: ratio <= 1.3,
      note: `${scope}; ideal = ${sessions} × ${perCheck} requests per check × ${delayMs} ms ÷ concurrency ${timed.concurrency}`,
    },
    {
      part: "sweep",
      name: "Monitor peak RSS",
      target: "≤ 300 MB",
      measured: `${fmt(rssMiB, 0)} MiB`,
      pass: rssMiB <= 300,
    },
    {
      part: "sweep",
      name: "CPU seconds per 1,000 checks",
      target: "—",
      measured: `${fmt((timed.cpuSeconds * 1000) / sessions, 2)} s`,
      pass: null,
      note: "monitor process, after module load",
    },
    {
      part: "sweep",
      name: "Requests sent inside flood waits",
      target: "0",
      measured: String(floods.requestsDuringWaits),
      pass: floods.requestsDuringWaits === 0,
      note: `${floods.floodAnswers} FLOOD_WAIT answers seen`,
    },
  ];
}
