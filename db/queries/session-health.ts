import { and, count, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { sessionEvents, telegramSessions, type SessionStatus, type TelegramSession } from "@/db/schema";
import type { CheckEventDetail } from "@/lib/health/events";

/** Sessions the monitor checks; the others (invalid, revoke_pending, revoked) are never checked. */
export const checkedStatuses: SessionStatus[] = ["active", "degraded"];

export async function countSessionsByStatus(db: DbOrTx): Promise<Map<SessionStatus, number>> {
  const rows = await db
    .select({ status: telegramSessions.status, n: count() })
    .from(telegramSessions)
    .groupBy(telegramSessions.status);
  return new Map(rows.map((row) => [row.status, row.n]));
}

export type CheckTarget = Pick<
  TelegramSession,
  "id" | "status" | "authFailures" | "authorizationTtlDays" | "ttlCheckedAt"
>;

export function findCheckTarget(db: DbOrTx, sessionId: string): Promise<CheckTarget | undefined> {
  return db.query.telegramSessions.findFirst({
    where: eq(telegramSessions.id, sessionId),
    columns: { id: true, status: true, authFailures: true, authorizationTtlDays: true, ttlCheckedAt: true },
  });
}

export type CheckPatch = Partial<
  Pick<
    TelegramSession,
    | "status"
    | "authFailures"
    | "lastCheckAt"
    | "nextCheckAt"
    | "lastLatencyMs"
    | "lastError"
    | "lastUsedAt"
    | "expiresAt"
    | "authorizationTtlDays"
    | "ttlCheckedAt"
    | "decryptFailed"
  >
>;

/**
 * Writes a check's outcome and its event. Only a session still checkable is changed: one revoked while
 * it was being checked keeps its new state. Returns false when nothing was changed.
 */
export async function recordCheckOutcome(
  db: DbOrTx,
  sessionId: string,
  patch: CheckPatch,
  event: { detail: CheckEventDetail; latencyMs: number | null },
): Promise<boolean> {
  const changed = await db
    .update(telegramSessions)
    .set(patch)
    .where(and(eq(telegramSessions.id, sessionId), inArray(telegramSessions.status, checkedStatuses)))
    .returning({ id: telegramSessions.id });
  if (changed.length === 0) return false;
  await db.insert(sessionEvents).values({ sessionId, kind: "check", detail: event.detail, latencyMs: event.latencyMs });
  return true;
}
