import { and, asc, count, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { jobItems, jobs, type Job, type JobItem, type JobStatus } from "@/db/schema";
import { claimNext, secondsFromNow } from "./claim";

export type NewJobItem = {
  id: string;
  index: number;
  name?: string;
  /** A vault envelope bound to the item's row; null for an item settled when the job was made. */
  payloadCiphertext: string | null;
  /** An item already settled (refused while parsing): stored done with its result. */
  result?: Record<string, unknown>;
};

/** Makes a job and its items in one statement pair (call it inside the transaction that audits it). */
export async function insertJob(
  tx: DbOrTx,
  job: { kind: string; options: Record<string, unknown>; createdById: string | null; createdByLabel: string },
  items: NewJobItem[],
): Promise<string> {
  const [created] = await tx
    .insert(jobs)
    .values({ ...job, total: items.length })
    .returning({ id: jobs.id });
  if (!created) throw new Error("inserting a job returned no row");
  if (items.length)
    await tx.insert(jobItems).values(
      items.map((item) => ({
        id: item.id,
        jobId: created.id,
        index: item.index,
        name: item.name ?? null,
        payloadCiphertext: item.payloadCiphertext,
        status: item.result ? ("done" as const) : ("pending" as const),
        result: item.result ?? null,
      })),
    );
  await settleJobIfDone(tx, created.id);
  return created.id;
}

export function findJob(db: DbOrTx, id: string): Promise<Job | undefined> {
  return db.query.jobs.findFirst({ where: eq(jobs.id, id) });
}

/** A job's items in order, without their payloads. */
export function listJobItems(db: DbOrTx, jobId: string) {
  return db
    .select({ index: jobItems.index, name: jobItems.name, status: jobItems.status, result: jobItems.result })
    .from(jobItems)
    .where(eq(jobItems.jobId, jobId))
    .orderBy(asc(jobItems.index));
}

export async function countDoneItems(db: DbOrTx, jobId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(jobItems)
    .where(and(eq(jobItems.jobId, jobId), eq(jobItems.status, "done")));
  return row?.n ?? 0;
}

export type ClaimedJobItem = Pick<
  JobItem,
  "id" | "jobId" | "index" | "name" | "payloadCiphertext" | "progress" | "attempts"
> & { kind: string; options: Record<string, unknown>; createdById: string | null; createdByLabel: string };

const claimable = () =>
  and(
    eq(jobItems.status, "pending"),
    or(isNull(jobItems.lockedUntil), lt(jobItems.lockedUntil, sql`now()`)),
    or(isNull(jobItems.notBefore), lt(jobItems.notBefore, sql`now()`)),
  );

/**
 * Takes the next pending item no live process holds (FOR UPDATE SKIP LOCKED), held for `leaseSeconds`, and marks
 * its job running. An item whose holder died is claimed again once its lease has passed.
 */
export async function claimJobItem(db: DbOrTx, leaseSeconds: number): Promise<ClaimedJobItem | undefined> {
  const [item] = await claimNext(db, jobItems, {
    key: jobItems.id,
    where: claimable(),
    orderBy: [asc(jobItems.updatedAt), asc(jobItems.index)],
    set: {
      lockedUntil: secondsFromNow(leaseSeconds),
      attempts: sql`${jobItems.attempts} + 1`,
      updatedAt: sql`now()`,
    },
  }).returning({
    id: jobItems.id,
    jobId: jobItems.jobId,
    index: jobItems.index,
    name: jobItems.name,
    payloadCiphertext: jobItems.payloadCiphertext,
    progress: jobItems.progress,
    attempts: jobItems.attempts,
  });
  if (!item) return undefined;
  const [job] = await db
    .update(jobs)
    .set({
      status: sql`case when ${jobs.status} = 'queued' then 'running'::job_status else ${jobs.status} end`,
      updatedAt: sql`now()`,
    })
    .where(eq(jobs.id, item.jobId))
    .returning({
      kind: jobs.kind,
      options: jobs.options,
      createdById: jobs.createdById,
      createdByLabel: jobs.createdByLabel,
    });
  if (!job) return undefined;
  return { ...item, ...job };
}

/** Keeps what an interrupted try would need to go on (say, the session it stored), in the caller's transaction. */
export async function recordItemProgress(db: DbOrTx, itemId: string, progress: Record<string, unknown>): Promise<void> {
  await db
    .update(jobItems)
    .set({ progress, updatedAt: sql`now()` })
    .where(eq(jobItems.id, itemId));
}

/** Settles an item: its result kept, its payload destroyed; the job is done once no item is pending. */
export async function finishJobItem(db: DbOrTx, itemId: string, result: Record<string, unknown>): Promise<void> {
  const [item] = await db
    .update(jobItems)
    .set({ status: "done", result, payloadCiphertext: null, lockedUntil: null, updatedAt: sql`now()` })
    .where(and(eq(jobItems.id, itemId), eq(jobItems.status, "pending")))
    .returning({ jobId: jobItems.jobId });
  if (item) await settleJobIfDone(db, item.jobId);
}

/** Hands an item back for a later pass (its work is busy elsewhere), not before `seconds` from now. */
export async function postponeJobItem(db: DbOrTx, itemId: string, seconds: number): Promise<void> {
  await db
    .update(jobItems)
    .set({ lockedUntil: null, notBefore: secondsFromNow(seconds), updatedAt: sql`now()` })
    .where(eq(jobItems.id, itemId));
}

async function settleJobIfDone(db: DbOrTx, jobId: string): Promise<void> {
  const failed = sql`exists (select 1 from ${jobItems} where ${jobItems.jobId} = ${jobId} and ${jobItems.result}->>'status' = 'failed')`;
  await db
    .update(jobs)
    .set({
      status: sql`case when ${failed} then 'failed'::job_status else 'done'::job_status end`,
      finishedAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(jobs.id, jobId),
        sql`${jobs.status} in ('queued', 'running')`,
        sql`not exists (select 1 from ${jobItems} where ${jobItems.jobId} = ${jobId} and ${jobItems.status} = 'pending')`,
      ),
    );
}

export type JobStatusValue = JobStatus;
