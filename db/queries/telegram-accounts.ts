import { and, count, desc, eq, inArray, ne } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { telegramAccounts, telegramSessions, usableStatuses, type TelegramAccount } from "@/db/schema";

export function findAccountByTelegramId(db: DbOrTx, telegramUserId: bigint): Promise<TelegramAccount | undefined> {
  return db.query.telegramAccounts.findFirst({ where: eq(telegramAccounts.telegramUserId, telegramUserId) });
}

export type AccountValues = Omit<typeof telegramAccounts.$inferInsert, "createdAt" | "updatedAt">;

export async function upsertAccount(
  db: DbOrTx,
  values: AccountValues & { id: string },
  exists: boolean,
): Promise<void> {
  if (!exists) {
    await db.insert(telegramAccounts).values(values);
    return;
  }
  const { id, ...changes } = values;
  await db
    .update(telegramAccounts)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(telegramAccounts.id, id));
}

/** Sessions of an account that can still be used (`usableStatuses`). */
export async function countUsableSessions(db: DbOrTx, accountId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(telegramSessions)
    .where(and(eq(telegramSessions.accountId, accountId), inArray(telegramSessions.status, usableStatuses)));
  return row?.n ?? 0;
}

export type NewSession = typeof telegramSessions.$inferInsert & { id: string };

export async function insertSession(db: DbOrTx, values: NewSession): Promise<void> {
  await db.insert(telegramSessions).values(values);
}

/** The Telegram user an account of the console is. */
export async function findAccountUserId(db: DbOrTx, accountId: string): Promise<bigint | undefined> {
  const account = await db.query.telegramAccounts.findFirst({
    where: eq(telegramAccounts.id, accountId),
    columns: { telegramUserId: true },
  });
  return account?.telegramUserId;
}

/** What acting on a session at Telegram needs to know of it: its account and DC. */
export function findSessionTarget(db: DbOrTx, sessionId: string) {
  return db.query.telegramSessions.findFirst({
    where: eq(telegramSessions.id, sessionId),
    columns: { id: true, accountId: true, dcId: true },
  });
}

/** The session's labels, which a rotation's new row keeps. */
export async function findSessionLabels(db: DbOrTx, sessionId: string): Promise<string[]> {
  const row = await db.query.telegramSessions.findFirst({
    where: eq(telegramSessions.id, sessionId),
    columns: { labels: true },
  });
  return row?.labels ?? [];
}

/** A session, not yet revoked, that holds this auth key. */
export async function findSessionByAuthKeyId(db: DbOrTx, authKeyId: string): Promise<string | undefined> {
  const row = await db.query.telegramSessions.findFirst({
    where: and(eq(telegramSessions.authKeyId, authKeyId), ne(telegramSessions.status, "revoked")),
    columns: { id: true },
  });
  return row?.id;
}

/** The newest usable session of the Telegram user, when the console already manages that user. */
export async function findUsableSessionOfUser(db: DbOrTx, telegramUserId: bigint): Promise<string | undefined> {
  const [row] = await db
    .select({ id: telegramSessions.id })
    .from(telegramSessions)
    .innerJoin(telegramAccounts, eq(telegramAccounts.id, telegramSessions.accountId))
    .where(and(eq(telegramAccounts.telegramUserId, telegramUserId), inArray(telegramSessions.status, usableStatuses)))
    .orderBy(desc(telegramSessions.createdAt))
    .limit(1);
  return row?.id;
}
