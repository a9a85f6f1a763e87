import { and, arrayContains, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { telegramSessions, type SessionStatus, type TelegramAccount, type TelegramSession } from "@/db/schema";
import { encodeSessionCursor, type SessionCursor } from "./session-cursor";
import { accountMatches } from "./session-search";
import { afterCursor, sortKeyText, sortOrderBy, type SessionSort, type SortOrder } from "./session-sort";

/** The session columns an item needs; read them with `columns: sessionItemColumns` to skip the ciphertext. */
export const sessionItemColumns = {
  id: true,
  status: true,
  createdAt: true,
  lastUsedAt: true,
  lastCheckAt: true,
  nextCheckAt: true,
  authFailures: true,
  rateLimitHits: true,
  floodWaitUntil: true,
  expiresAt: true,
  lastLatencyMs: true,
  lastError: true,
  rotatedFromId: true,
  decryptFailed: true,
  labels: true,
  sharedKey: true,
  restrictions: true,
} as const;

export const accountItemColumns = {
  id: true,
  firstName: true,
  lastName: true,
  username: true,
  phoneMasked: true,
  dcId: true,
} as const;

export type SessionItemRow = Pick<TelegramSession, keyof typeof sessionItemColumns> & {
  account: Pick<TelegramAccount, keyof typeof accountItemColumns>;
};

export type SessionListFilter = {
  statuses?: SessionStatus[];
  q?: string;
  /** Only sessions carrying this label. */
  label?: string;
  sort: SessionSort;
  order: SortOrder;
  /** Must have been made for the same sort and order. */
  cursor?: SessionCursor;
  limit: number;
};

export type SessionListPage = { rows: SessionItemRow[]; nextCursor: string | null };

/**
 * One page of the sessions list in exactly one SQL statement, whatever the page size (keyset, no OFFSET).
 * The page's ids are picked in a subquery first, so the account join runs for the page's rows only,
 * not for every row before the sort.
 */
export async function listSessions(db: DbOrTx, filter: SessionListFilter): Promise<SessionListPage> {
  const { sort, order, cursor, limit } = filter;
  const t = telegramSessions;
  const conditions: (SQL | undefined)[] = [];
  if (filter.statuses?.length) conditions.push(inArray(t.status, filter.statuses));
  if (filter.q) conditions.push(accountMatches(db, t.accountId, filter.q));
  if (filter.label) conditions.push(arrayContains(t.labels, [filter.label]));
  if (cursor) conditions.push(afterCursor(t, sort, order, cursor.key, cursor.id));
  const pageIds = db
    .select({ id: t.id })
    .from(t)
    .where(and(...conditions))
    .orderBy(...sortOrderBy(t, sort, order))
    .limit(limit + 1);
  const rows = await db.query.telegramSessions.findMany({
    columns: sessionItemColumns,
    with: { account: { columns: accountItemColumns } },
    extras: (aliased) => ({ sortKey: sortKeyText(aliased, sort).as("sort_key") }),
    where: (aliased) => inArray(aliased.id, pageIds),
    orderBy: (aliased) => sortOrderBy(aliased, sort, order),
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > limit && last ? encodeSessionCursor({ sort, order, key: last.sortKey, id: last.id }) : null;
  return { rows: page.map(({ sortKey: _, ...row }) => row), nextCursor };
}

/** One session for its detail page, with the account's fuller record and the session that replaced it, if any. */
export function findSessionDetail(db: DbOrTx, id: string) {
  return db.query.telegramSessions.findFirst({
    columns: {
      ...sessionItemColumns,
      dcId: true,
      revokedAt: true,
      revokedReason: true,
      frozenSince: true,
      frozenUntil: true,
      freezeAppealUrl: true,
    },
    with: { account: { columns: { ...accountItemColumns, telegramUserId: true, createdAt: true } } },
    extras: (t) => ({
      rotatedToId: sql<
        string | null
      >`(select r.id from telegram_sessions r where r.rotated_from_id = ${t.id} order by r.created_at desc limit 1)`.as(
        "rotated_to_id",
      ),
    }),
    where: (t) => eq(t.id, id),
  });
}

export type SessionDetailRow = NonNullable<Awaited<ReturnType<typeof findSessionDetail>>>;

export async function sessionExists(db: DbOrTx, id: string): Promise<boolean> {
  return (
    (await db.query.telegramSessions.findFirst({ columns: { id: true }, where: (t) => eq(t.id, id) })) !== undefined
  );
}
