import { and, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { sessionCalls, sessionEvents } from "@/db/schema";

type AppendOnlyLog = typeof sessionEvents | typeof sessionCalls;

/**
 * Deletes session events older than `retentionDays`, oldest first, at most `batches` × `batchSize` rows per call.
 * Events are appended with ascending ids and `at` = now(), so each batch reads a bounded id range from the
 * oldest row up (no index on `at` needed), and the first young row ends the work.
 */
export function pruneSessionEvents(db: DbOrTx, retentionDays: number, limits: PruneLimits = {}): Promise<number> {
  return pruneOlderThan(db, sessionEvents, retentionDays, limits);
}

/** The call log, pruned the same way. */
export function pruneSessionCalls(db: DbOrTx, retentionDays: number, limits: PruneLimits = {}): Promise<number> {
  return pruneOlderThan(db, sessionCalls, retentionDays, limits);
}

type PruneLimits = { batchSize?: number; batches?: number };

async function pruneOlderThan(
  db: DbOrTx,
  table: AppendOnlyLog,
  retentionDays: number,
  { batchSize = 5_000, batches = 10 }: PruneLimits,
): Promise<number> {
  let deleted = 0;
  for (let i = 0; i < batches; i++) {
    const rows = await db
      .delete(table)
      .where(
        and(
          lt(table.id, sql`(select min(${table.id}) from ${table}) + ${batchSize}`),
          lt(table.at, sql`now() - make_interval(days => ${retentionDays})`),
        ),
      )
      .returning({ id: table.id });
    deleted += rows.length;
    if (rows.length === 0) break;
  }
  return deleted;
}
