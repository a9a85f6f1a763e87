import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { telegramAccounts, telegramSessions } from "@/db/schema";

export type SessionSeed = Partial<typeof telegramSessions.$inferInsert> & {
  account?: Partial<typeof telegramAccounts.$inferInsert>;
};

let nextUserId = 1_000_000n;

/** For tests and the benchmark: inserts an account per seed, then all sessions, in batches of one statement each. */
export async function seedSessions(db: DbOrTx, seeds: SessionSeed[], batchSize = 2_000): Promise<string[]> {
  const accounts = seeds.map(({ account }) => ({
    id: randomUUID(),
    telegramUserId: nextUserId++,
    firstName: "Test",
    phoneMasked: "+99966•••00",
    dcId: 2,
    ...account,
  }));
  const sessions = seeds.map(({ account: _, ...session }, i) => ({
    id: randomUUID(),
    accountId: accounts[i]!.id,
    dcId: 2,
    ...session,
  }));
  for (let start = 0; start < seeds.length; start += batchSize) {
    await db.insert(telegramAccounts).values(accounts.slice(start, start + batchSize));
  }
  for (let start = 0; start < seeds.length; start += batchSize) {
    await db.insert(telegramSessions).values(sessions.slice(start, start + batchSize));
  }
  return sessions.map((session) => session.id);
}

/**
 * For the 10,000-row test and the benchmark: `count` accounts with one session each, in two statements.
 * States cycle, a third of creation times are shared (ties the id must break), a quarter never used or checked.
 */
export async function seedManySessions(db: DbOrTx, count: number): Promise<void> {
  await db.execute(sql`
    insert into telegram_accounts (telegram_user_id, first_name, last_name, username, phone_masked, dc_id)
    select 5000000000 + g, 'Bulk', 'User ' || g, case when g % 3 = 0 then null else 'bulk_' || g end,
           '+99966•••' || lpad((g % 100)::text, 2, '0'), 1 + g % 3
    from generate_series(1, ${count}::int) g`);
  await db.execute(sql`
    insert into telegram_sessions (account_id, status, dc_id, created_at, last_used_at, last_check_at, last_latency_ms, expires_at, auth_failures, rate_limit_hits)
    select id, (array['active','degraded','invalid','revoke_pending','revoked'])[1 + g % 5]::session_status, dc_id,
           now() - (g / 3) * interval '1 minute',
           case when g % 4 = 0 then null else now() - (g % 977) * interval '1 second' end,
           case when g % 4 = 1 then null else now() - (g % 613) * interval '1 second' end,
           case when g % 7 = 0 then null else 50 + g % 400 end,
           case when g % 5 = 0 then null else now() + (g % 90) * interval '1 day' end,
           g % 3, g % 4
    from (select id, dc_id, (telegram_user_id - 5000000000)::int as g from telegram_accounts where first_name = 'Bulk') a`);
}

/** The benchmarks' data set: `sessions` sessions with `eventsPerSession` events each, set-based, then ANALYZE. */
export async function seedSessionsAndEvents(db: DbOrTx, sessions: number, eventsPerSession: number): Promise<void> {
  await seedManySessions(db, sessions);
  await db.execute(sql`
    insert into session_events (session_id, kind, latency_ms, detail, at)
    select s.id, case when g % 10 = 0 then 'connection' when g % 25 = 0 then 'flood_wait' else 'check' end, 40 + g % 300,
           jsonb_build_object('result', 'ok'), now() - g * interval '5 minutes'
    from telegram_sessions s cross join generate_series(1, ${eventsPerSession}::int) g`);
  await db.execute(sql`analyze`);
}
