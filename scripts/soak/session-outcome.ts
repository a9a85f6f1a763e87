import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { sqlRows } from "@/tests/support/sql-rows";

export type SessionOutcome = { byStatus: Record<string, number>; checksPerSession: { min: number; median: number } };

/** What the run did to the sessions: how many are in each state, and how often the monitor checked each seeded one since `since`. */
export async function sessionOutcome(db: Db, seededIds: string[], since: Date): Promise<SessionOutcome> {
  const states = await sqlRows<{ status: string; n: number }>(
    db,
    sql`select status::text as status, count(*)::int as n from telegram_sessions group by status`,
  );
  const byStatus = Object.fromEntries(states.map((row) => [row.status, row.n]));
  const [row] = await sqlRows<{ min: number; median: number }>(
    db,
    sql`
    select coalesce(min(n), 0)::int as min, coalesce(percentile_disc(0.5) within group (order by n), 0)::int as median
    from (select s.id, count(e.id) as n
          from telegram_sessions s left join session_events e on e.session_id = s.id and e.kind = 'check' and e.at >= ${since.toISOString()}::timestamptz
          where s.id = any(${`{${seededIds.join(",")}}`}::uuid[]) group by s.id) per_session`,
  );
  return { byStatus, checksPerSession: row ?? { min: 0, median: 0 } };
}
