import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { auditLog, type AuditEntry, type NewAuditEntry } from "@/db/schema";

export async function insertAuditEntry(db: DbOrTx, entry: NewAuditEntry): Promise<void> {
  await db.insert(auditLog).values(entry);
}

export type AuditFilter = { cursor?: number; actor?: string; action?: string; limit: number };
export type AuditPage = { items: AuditEntry[]; nextCursor: number | null };

/** Newest first; `cursor` is the id of the last row already seen (ids only grow, so pages never shift). */
export async function listAuditEntries(db: DbOrTx, filter: AuditFilter): Promise<AuditPage> {
  const conditions: SQL[] = [];
  if (filter.cursor !== undefined) conditions.push(lt(auditLog.id, filter.cursor));
  if (filter.actor) conditions.push(eq(auditLog.actorLabel, filter.actor));
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  const rows = await db.query.auditLog.findMany({
    where: and(...conditions),
    orderBy: desc(auditLog.id),
    limit: filter.limit + 1,
  });
  const items = rows.slice(0, filter.limit);
  const hasMore = rows.length > filter.limit;
  return { items, nextCursor: hasMore ? (items.at(-1)?.id ?? null) : null };
}
