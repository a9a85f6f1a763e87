import { and, desc, eq, inArray, lt, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { sessionEvents, type SessionEvent } from "@/db/schema";

export type SessionEventFilter = { cursor?: number; kinds?: string[]; limit: number };
export type SessionEventPage = { items: SessionEvent[]; nextCursor: number | null };

/** A session's timeline, newest first; `cursor` is the id of the last event already seen (ids only grow). */
export async function listSessionEvents(
  db: DbOrTx,
  sessionId: string,
  filter: SessionEventFilter,
): Promise<SessionEventPage> {
  const conditions: SQL[] = [eq(sessionEvents.sessionId, sessionId)];
  if (filter.cursor !== undefined) conditions.push(lt(sessionEvents.id, filter.cursor));
  if (filter.kinds?.length) conditions.push(inArray(sessionEvents.kind, filter.kinds));
  const rows = await db.query.sessionEvents.findMany({
    where: and(...conditions),
    orderBy: desc(sessionEvents.id),
    limit: filter.limit + 1,
  });
  const items = rows.slice(0, filter.limit);
  return { items, nextCursor: rows.length > filter.limit ? (items.at(-1)?.id ?? null) : null };
}
