import { and, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { sessionEvents } from "@/db/schema";

/**
 * Deletes session events older than `retentionDays`, oldest first, at most `batches` × `batchSize` rows per call.
 * Events are appended with ascending ids and `at` = now(), so each batch reads a bounded id range from the
 * oldest row up (no index on `at` needed), and the first young row ends the work.
 */
export async function pruneSessionEvents(
  db: DbOrTx,
  retentionDays: number,
  { batchSize = 5_000, batches = 10 } = {},
): Promise<number> {
  let deleted = 0;
  for (let i = 0; i < batches; i++) {
    const rows = await db
      .delete(sessionEvents)
      .where(
        and(
          lt(sessionEvents.id, sql`(select min(${sessionEvents.id}) from ${sessionEvents}) + ${batchSize}`),
          lt(sessionEvents.at, sql`now() - make_interval(days => ${retentionDays})`),
        ),
      )
      .returning({ id: sessionEvents.id });
    deleted += rows.length;
    if (rows.length === 0) break;
  }
  return deleted;
}
