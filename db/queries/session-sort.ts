import { and, isNull, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { telegramSessions } from "@/db/schema";

export const sessionSorts = ["created", "lastUsed", "lastCheck", "status", "latency", "expiry"] as const;
export type SessionSort = (typeof sessionSorts)[number];
export type SortOrder = "asc" | "desc";

type SortColumns = typeof telegramSessions._.columns;
type SortKey = { column: (t: SortColumns) => AnyColumn; type: "timestamptz" | "session_status" | "integer" };

const sortKeys: Record<SessionSort, SortKey> = {
  created: { column: (t) => t.createdAt, type: "timestamptz" },
  lastUsed: { column: (t) => t.lastUsedAt, type: "timestamptz" },
  lastCheck: { column: (t) => t.lastCheckAt, type: "timestamptz" },
  status: { column: (t) => t.status, type: "session_status" },
  latency: { column: (t) => t.lastLatencyMs, type: "integer" },
  expiry: { column: (t) => t.expiresAt, type: "timestamptz" },
};

/**
 * The sort key as exact text for the cursor. Timestamps keep their microseconds: a JS Date would round
 * them to milliseconds and the next page would repeat or skip rows that share the millisecond.
 */
export function sortKeyText(t: SortColumns, sort: SessionSort): SQL<string | null> {
  const { column, type } = sortKeys[sort];
  return type === "timestamptz"
    ? sql<string | null>`to_char(${column(t)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
    : sql<string | null>`${column(t)}::text`;
}

const isoMicros = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const statuses: readonly string[] = telegramSessions.status.enumValues;

/** A cursor key Postgres will accept for this sort's cast; a forged cursor must be a 400, not a query error. */
export function isValidSortKey(sort: SessionSort, key: string): boolean {
  switch (sortKeys[sort].type) {
    case "timestamptz": {
      const date = new Date(key);
      return (
        isoMicros.test(key) && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 23) === key.slice(0, 23)
      );
    }
    case "integer":
      return /^-?\d{1,9}$/.test(key);
    case "session_status":
      return statuses.includes(key);
  }
}

/** Missing values (never used, never checked) sort last in both directions; the id breaks ties. */
export function sortOrderBy(t: SortColumns, sort: SessionSort, order: SortOrder): SQL[] {
  const direction = sql.raw(order);
  return [sql`${sortKeys[sort].column(t)} ${direction} nulls last`, sql`${t.id} ${direction}`];
}

/** Rows strictly after the cursor's (key, id) in the list's order. */
export function afterCursor(
  t: SortColumns,
  sort: SessionSort,
  order: SortOrder,
  key: string | null,
  id: string,
): SQL | undefined {
  const { column: pick, type } = sortKeys[sort];
  const column = pick(t);
  const beyond = sql.raw(order === "asc" ? ">" : "<");
  const idBeyond = sql`${t.id} ${beyond} ${id}`;
  if (key === null) return and(isNull(column), idBeyond);
  const value = sql`${key}::${sql.raw(type)}`;
  return or(sql`${column} ${beyond} ${value}`, and(sql`${column} = ${value}`, idBeyond), isNull(column));
}
