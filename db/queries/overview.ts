import { and, asc, eq, gt, inArray, lt, ne, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { telegramSessions, type SessionStatus } from "@/db/schema";
import { accountItemColumns, sessionItemColumns, type SessionItemRow } from "./sessions";

type Columns = typeof telegramSessions._.columns;
/** The moments the attention rules compare against: now, and the horizon of "expiring soon". */
export type AttentionClock = { now: Date; expiringBefore: Date };

const flooded = (t: Columns, { now }: AttentionClock) => gt(t.floodWaitUntil, now);
const expiring = (t: Columns, { expiringBefore }: AttentionClock) =>
  and(inArray(t.status, ["active", "degraded"]), lt(t.expiresAt, expiringBefore));

/** States that need someone to look: failing checks, and whatever Telegram did to the key or the account. */
export const attentionStatuses = [
  "degraded",
  "invalid",
  "frozen",
  "banned",
  "deactivated",
] as const satisfies SessionStatus[];

/** Degraded, dead, frozen, waiting out a flood, expiring soon or undecryptable; a revoked session needs nothing. */
function needsAttention(t: Columns, clock: AttentionClock): SQL | undefined {
  return and(
    ne(t.status, "revoked"),
    or(inArray(t.status, [...attentionStatuses]), flooded(t, clock), expiring(t, clock), eq(t.decryptFailed, true)),
  );
}

const countWhere = (condition: SQL | undefined) => sql<number>`count(*) filter (where ${condition})`.mapWith(Number);

export type SessionCounts = Record<SessionStatus, number> & {
  total: number;
  floodWaiting: number;
  expiringSoon: number;
  decryptFailed: number;
  needsAttention: number;
};

/** Every count the overview shows, in one statement. */
export async function countSessions(db: DbOrTx, clock: AttentionClock): Promise<SessionCounts> {
  const t = telegramSessions;
  const byStatus = Object.fromEntries(
    t.status.enumValues.map((status) => [status, countWhere(eq(t.status, status))]),
  ) as Record<SessionStatus, SQL<number>>;
  const [row] = await db
    .select({
      ...byStatus,
      total: countWhere(sql`true`),
      floodWaiting: countWhere(and(ne(t.status, "revoked"), flooded(t, clock))),
      expiringSoon: countWhere(expiring(t, clock)),
      decryptFailed: countWhere(and(ne(t.status, "revoked"), eq(t.decryptFailed, true))),
      needsAttention: countWhere(needsAttention(t, clock)),
    })
    .from(t);
  if (!row) throw new Error("an aggregate query returned no row");
  return row;
}

/**
 * The sessions that need attention, the worst first: dead or undecryptable, then degraded or frozen, then the rest by
 * expiry. Their ids are picked first, so the account join runs for those rows only.
 */
export function listAttentionSessions(db: DbOrTx, clock: AttentionClock, limit: number): Promise<SessionItemRow[]> {
  const worstFirst = (t: Columns) => [
    sql`case when ${t.status} in ('invalid', 'banned', 'deactivated') or ${t.decryptFailed} then 0 when ${t.status} in ('degraded', 'frozen') then 1 else 2 end`,
    sql`${t.expiresAt} asc nulls last`,
    asc(t.id),
  ];
  const t = telegramSessions;
  const ids = db
    .select({ id: t.id })
    .from(t)
    .where(needsAttention(t, clock))
    .orderBy(...worstFirst(t))
    .limit(limit);
  return db.query.telegramSessions.findMany({
    columns: sessionItemColumns,
    with: { account: { columns: accountItemColumns } },
    where: (aliased) => inArray(aliased.id, ids),
    orderBy: worstFirst,
  });
}
