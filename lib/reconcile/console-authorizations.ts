import { and, eq, inArray } from "drizzle-orm";
import type { Api } from "telegram";
import type { DbOrTx } from "@/db";
import { sessionAuthorizations, telegramSessions, type SessionStatus } from "@/db/schema";
import { env } from "@/lib/env";

/** Console sessions that may still be logged in at Telegram. */
export const liveStatuses: SessionStatus[] = ["active", "degraded", "revoke_pending"];

// A session row is stored within moments of Telegram creating its authorization.
const createdSlackSeconds = 120;

export type ConsoleSession = {
  id: string;
  status: SessionStatus;
  createdAt: Date;
  identity: { hash: bigint | null; dateCreated: number; apiId: number; deviceModel: string } | null;
};

/** The account's live console sessions, each with what is known of its Telegram authorization. */
export async function consoleSessionsOf(db: DbOrTx, accountId: string): Promise<ConsoleSession[]> {
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

/**
 * Whether `a` is this console session's authorization: by its hash once learned, else by what Telegram
 * shows of it (creation time, api_id, device); a session never seen in a list is matched by the console's
 * device name and the time its row was stored.
 */
export function isSessionsAuthorization(session: ConsoleSession, a: Api.Authorization, apiId: number): boolean {
  const { identity } = session;
  if (identity?.hash != null) return identity.hash === BigInt(a.hash.toString());
  if (identity)
    return (
      identity.dateCreated === a.dateCreated && identity.apiId === a.apiId && identity.deviceModel === a.deviceModel
    );
  const storedAt = Math.floor(session.createdAt.getTime() / 1000);
  return (
    a.apiId === apiId &&
    a.deviceModel === env().TELEGRAM_DEVICE_MODEL &&
    Math.abs(a.dateCreated - storedAt) <= createdSlackSeconds
  );
}

/** Records (or refreshes) what Telegram shows of a session's own authorization, and its hash once known. */
export async function recordIdentity(
  db: DbOrTx,
  sessionId: string,
  accountId: string,
  a: Api.Authorization,
  hash: bigint | null,
): Promise<void> {
  const values = {
    dateCreated: a.dateCreated,
    apiId: a.apiId,
    deviceModel: a.deviceModel,
    seenAt: new Date(),
    ...(hash === null ? {} : { hash }),
  };
  await db
    .insert(sessionAuthorizations)
    .values({ sessionId, accountId, ...values })
    .onConflictDoUpdate({ target: sessionAuthorizations.sessionId, set: values });
}
