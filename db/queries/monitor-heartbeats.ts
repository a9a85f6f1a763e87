import { eq, lt, max, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { alertEvents, monitorHeartbeats } from "@/db/schema";
import { rowsOf } from "./alert-events";

export async function beat(
  db: DbOrTx,
  owner: string,
  facts: { host: string; pid: number; checks: number },
): Promise<void> {
  await db
    .insert(monitorHeartbeats)
    .values({ owner, ...facts })
    .onConflictDoUpdate({ target: monitorHeartbeats.owner, set: { beatAt: sql`now()`, checks: facts.checks } });
}

export async function removeHeartbeat(db: DbOrTx, owner: string): Promise<void> {
  await db.delete(monitorHeartbeats).where(eq(monitorHeartbeats.owner, owner));
}

/** Rows of monitors that stopped beating long ago (crashed) are forgotten. */
export async function pruneHeartbeats(db: DbOrTx, olderThanSeconds: number): Promise<void> {
  await db
    .delete(monitorHeartbeats)
    .where(lt(monitorHeartbeats.beatAt, sql`now() - make_interval(secs => ${olderThanSeconds})`));
}

/** Seconds since the freshest heartbeat of any monitor; null when no monitor has ever beaten (or all were removed). */
export async function secondsSinceLastBeat(db: DbOrTx): Promise<number | null> {
  const [row] = await db
    .select({ ago: sql<string | null>`extract(epoch from now() - ${max(monitorHeartbeats.beatAt)})` })
    .from(monitorHeartbeats);
  return row?.ago === null || row?.ago === undefined ? null : Number(row.ago);
}

/**
 * Raises monitor.stale when monitors have beaten before but none within `staleSeconds` (crashed, or a sweep stuck),
 * once per silence: not again until a monitor beats and falls silent anew. True when raised.
 */
export async function raiseMonitorStale(db: DbOrTx, staleSeconds: number): Promise<boolean> {
  const result = await db.execute(sql`
    insert into ${alertEvents} (kind, details)
    select 'monitor.stale', jsonb_build_object('lastBeatAt', b.last, 'monitors', b.n)
    from (select max(${monitorHeartbeats.beatAt}) as last, count(*)::int as n from ${monitorHeartbeats}) b
    where b.last < now() - make_interval(secs => ${staleSeconds})
      and not exists (select 1 from ${alertEvents} e where e.kind = 'monitor.stale' and e.created_at > b.last)
    returning 1`);
  return rowsOf(result).length > 0;
}
