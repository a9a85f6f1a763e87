import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { sessionAuthorizations, telegramSessions, usableStatuses, type SessionStatus } from "@/db/schema";

/** Console sessions that may still be logged in at Telegram. */
export const liveStatuses: SessionStatus[] = [...usableStatuses, "revoke_pending"];

export type ConsoleSession = { id: string; status: SessionStatus; hash: bigint | null };

/** The account's live console sessions, each with its Telegram authorization's hash once positively known. */
export async function listLiveSessionsOf(db: DbOrTx, accountId: string): Promise<ConsoleSession[]> {
  const rows = await db.query.telegramSessions.findMany({
    where: and(eq(telegramSessions.accountId, accountId), inArray(telegramSessions.status, liveStatuses)),
    columns: { id: true, status: true },
  });
  const known = await db.query.sessionAuthorizations.findMany({
    where: eq(sessionAuthorizations.accountId, accountId),
  });
  const byId = new Map(known.map((row) => [row.sessionId, row.hash]));
  return rows.map((row) => ({ ...row, hash: byId.get(row.id) ?? null }));
}

/**
 * Records that console session `sessionId`'s Telegram authorization has `hash`. Only for a hash positively
 * known to be that session's (learned through another console session, or minted by the console itself):
 * the device list calls every other authorization foreign.
 */
export async function recordConsoleAuthorization(db: DbOrTx, sessionId: string, hash: bigint): Promise<void> {
  const session = await db.query.telegramSessions.findFirst({
    where: eq(telegramSessions.id, sessionId),
    columns: { accountId: true },
  });
  if (!session) return;
  const values = { hash, seenAt: new Date() };
  await db
    .insert(sessionAuthorizations)
    .values({ sessionId, accountId: session.accountId, ...values })
    .onConflictDoUpdate({ target: sessionAuthorizations.sessionId, set: values });
}

/** Telegram keeps every inactive authorization of the account `days` long: all its sessions' forecasts follow. */
export async function setAccountTtl(db: DbOrTx, accountId: string, days: number): Promise<void> {
  await db
    .update(telegramSessions)
    .set({ authorizationTtlDays: days, ttlCheckedAt: new Date() })
    .where(eq(telegramSessions.accountId, accountId));
}
