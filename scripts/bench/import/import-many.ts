/**
 * Import benchmark: `npx tsx --conditions=react-server scripts/bench/import/import-many.ts [count] [concurrency]`.
 * Mints `count` (default 200) authorizations of as many accounts at an in-process sandbox DC (embedded database in
 * memory), queues them as one import job with take-over, runs the job as the background path would (`concurrency`
 * items at once, default 4) and prints the median time per item and the total. Every account must end with one
 * authorization: the console's.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { connectPglite } from "@/db/connect-pglite";
import { startSandbox } from "@/sandbox/sandbox";
import type { MintedAuthorization } from "@/sandbox/control/views";
import { mintedSessionString } from "@/sandbox/minted-session";

const count = Number(process.argv[2] ?? 200);
const concurrency = Number(process.argv[3] ?? 4);
const dataDir = mkdtempSync(path.join(tmpdir(), "import-bench-"));
const sandbox = await startSandbox({ dataDir });
Object.assign(process.env, {
  TELEGRAM_SANDBOX_URL: sandbox.info.control,
  SESSION_ENCRYPTION_KEYS: process.env.SESSION_ENCRYPTION_KEYS ?? `bench:${randomBytes(32).toString("base64")}`,
  LOG_LEVEL: "error",
});
const { loadKeyRing } = await import("@/lib/vault");
const { connectionManager } = await import("@/lib/telegram/connection/manager");
const { importItemHandler, createImportJob } = await import("@/lib/import/job");
const { prepareItems } = await import("@/lib/import/prepare");
const { runJobItems } = await import("@/lib/jobs/runner");
const { findJob } = await import("@/db/queries/jobs");

const handle = connectPglite(undefined, path.resolve("db/migrations"));
await handle.migrate();
const { db } = handle;
const ring = loadKeyRing();
const manager = connectionManager();

const minted: MintedAuthorization[] = [];
for (let i = 0; i < count; i++) {
  const phone = `99966${2}${String(3000 + i).padStart(4, "0")}`;
  const response = await fetch(new URL(`/accounts/${phone}/authorizations`, sandbox.info.control), { method: "POST" });
  minted.push(((await response.json()) as MintedAuthorization[])[0]!);
}
const items = await prepareItems(
  minted.map((m) => ({ data: mintedSessionString(m) })),
  [],
  { knownDcIds: sandbox.info.dcs.map((dc) => dc.id) },
);
const actor = { id: null, label: "bench" };
const jobId = await db.transaction((tx) => createImportJob(tx, ring, actor, items, true));

const handler = importItemHandler({ db, ring, manager });
const times: number[] = [];
const timed: typeof handler = async (item) => {
  const started = performance.now();
  const outcome = await handler(item);
  times.push(performance.now() - started);
  return outcome;
};
const started = performance.now();
await runJobItems(db, { session_import: timed }, { leaseSeconds: 300, concurrency, maxItems: count });
const total = performance.now() - started;

const job = await findJob(db, jobId);
const taken = minted.filter(
  (m) => sandbox.authorizations(m.phone).filter((a) => a.state === "active").length === 1,
).length;
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)] ?? 0;
console.log(
  JSON.stringify({
    count,
    concurrency,
    job: job?.status,
    takenOverWithOneAuthorization: taken,
    medianPerItemMs: Math.round(median),
    p90PerItemMs: Math.round(times[Math.floor(times.length * 0.9)] ?? 0),
    totalSeconds: Number((total / 1000).toFixed(1)),
  }),
);
await manager.closeAll();
await handle.close();
await sandbox.close();
rmSync(dataDir, { recursive: true, force: true });
process.exit(taken === count ? 0 : 1);
