import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { seedManySessions } from "@/db/queries/session-fixtures";

/** 10,000 sessions with 100 events each (1,000,000), in set-based statements, then ANALYZE. */
export async function seedSessionsAndEvents(db: Db, sessions = 10_000, eventsPerSession = 100): Promise<number> {
  const started = performance.now();
  await seedManySessions(db, sessions);
  await db.execute(sql`
    insert into session_events (session_id, kind, latency_ms, detail, at)
    select s.id, case when g % 10 = 0 then 'connection' when g % 25 = 0 then 'flood_wait' else 'check' end, 40 + g % 300,
           jsonb_build_object('result', 'ok'), now() - g * interval '5 minutes'
    from telegram_sessions s cross join generate_series(1, ${eventsPerSession}::int) g`);
  await db.execute(sql`analyze`);
  return (performance.now() - started) / 1000;
}
