import type { Db } from "@/db";
import { claimJobItem, finishJobItem, postponeJobItem, type ClaimedJobItem } from "@/db/queries/jobs";
import { log } from "@/lib/log";
import { runEvery } from "@/lib/schedule/every";

/** What a handler made of one item: its result (kept on the item, shown by GET /api/v1/jobs/{id}), or "later". */
export type ItemOutcome = { result: Record<string, unknown> } | { postponeSeconds: number };

/** Carries out one claimed item of its kind. It may run again after a crash: `item.progress` says how far it got. */
export type JobItemHandler = (item: ClaimedJobItem) => Promise<ItemOutcome>;

export type JobRunOptions = {
  /** How long a claim holds an item; a process that dies leaves it to others after this. */
  leaseSeconds: number;
  /** Items run at once by this process. */
  concurrency?: number;
  /** Tries before an item that keeps throwing is given up as failed. */
  maxAttempts?: number;
  /** Stop after this many items (a pass, not an endless loop). */
  maxItems?: number;
};

/**
 * Runs pending job items until none is left (or `maxItems`), `concurrency` at a time, each under its claim.
 * Any number of processes can run this at once: a claim skips items another process holds.
 */
export async function runJobItems(
  db: Db,
  handlers: Record<string, JobItemHandler>,
  options: JobRunOptions,
): Promise<number> {
  const { leaseSeconds, concurrency = 4, maxAttempts = 3, maxItems = 1000 } = options;
  let taken = 0;
  const worker = async () => {
    while (taken < maxItems) {
      const item = await claimJobItem(db, leaseSeconds);
      if (!item) return;
      taken += 1;
      await runOne(db, handlers, item, maxAttempts);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return taken;
}

async function runOne(
  db: Db,
  handlers: Record<string, JobItemHandler>,
  item: ClaimedJobItem,
  maxAttempts: number,
): Promise<void> {
  const handler = handlers[item.kind];
  if (!handler) {
    await finishJobItem(db, item.id, { status: "failed", error: `No handler for jobs of kind ${item.kind}.` });
    return;
  }
  try {
    const outcome = await handler(item);
    if ("result" in outcome) await finishJobItem(db, item.id, outcome.result);
    else await postponeJobItem(db, item.id, outcome.postponeSeconds);
  } catch (error) {
    log.warn({ err: error, jobId: item.jobId, index: item.index, attempt: item.attempts }, "job item failed");
    if (item.attempts >= maxAttempts)
      await finishJobItem(db, item.id, { status: "failed", error: "The item could not be processed." });
    else await postponeJobItem(db, item.id, 2 ** item.attempts);
  }
}

/** Runs job passes every `intervalMs`, never two at once; returns the stop function. */
export function startJobRunner(
  db: Db,
  handlers: () => Record<string, JobItemHandler>,
  options: JobRunOptions,
  intervalMs = 1000,
): () => Promise<void> {
  return runEvery(intervalMs, () => runJobItems(db, handlers(), options), "job pass failed");
}
