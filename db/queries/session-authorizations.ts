import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { sessionAuthorizations, telegramSessions, type SessionStatus } from "@/db/schema";

/** Console sessions that may still be logged in at Telegram. */
export const liveStatuses: SessionStatus[] = ["active", "degraded", "revoke_pending"];

/** What Telegram shows of one authorization in the account's device list. */
export type AuthorizationIdentity = { dateCreated: number; apiId: number; deviceModel: string };

export type ConsoleSession = {
  id: string;
  status: SessionStatus;
  createdAt: Date;
  identity: (AuthorizationIdentity & { hash: bigint | null }) | null;
};

/** The account's live console sessions, each with what is known of its Telegram authorization. */
export async function listLiveSessionsOf(db: DbOrTx, accountId: string): Promise<ConsoleSession[]> {
  const rows = await db.query.telegramSessions.findMany({
    where: and(eq(telegramSessions.accountId, accountId), inArray(telegramSessions.status, liveStatuses)),
    columns: { id: true, status: true, createdAt: true },
  });
  const identities = await db.query.sessionAuthorizations.findMany({
    where: eq(sessionAuthorizations.accountId, accountId),
  });
  const byId = new Map(identities.map((row) => [row.sessionId, row]));
  return rows.map((row) => ({ ...row, identity: byId.get(row.id) ?? null }));
}

/** Records (or refreshes) what Telegram shows of a session's own authorization, and its hash once known. */
export async function recordIdentity(
  db: DbOrTx,
  sessionId: string,
  accountId: string,
  seen: AuthorizationIdentity,
  hash: bigint | null,
): Promise<void> {
  const values = {
    dateCreated: seen.dateCreated,
    apiId: seen.apiId,
    deviceModel: seen.deviceModel,
    seenAt: new Date(),
    ...(hash === null ? {} : { hash }),
  };
  await db
    .insert(sessionAuthorizations)
    .values({ sessionId, accountId, ...values })
    .onConflictDoUpdate({ target: sessionAuthorizations.sessionId, set: values });
}

/** Telegram keeps every inactive authorization of the account `days` long: all its sessions' forecasts follow. */
export async function setAccountTtl(db: DbOrTx, accountId: string, days: number): Promise<void> {
  await db
    .update(telegramSessions)
    .set({ authorizationTtlDays: days, ttlCheckedAt: new Date() })
    .where(eq(telegramSessions.accountId, accountId));
}
