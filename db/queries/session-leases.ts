import { and, eq, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { telegramSessions, type SessionStatus } from "@/db/schema";
import { secondsFromNow } from "./claim";

export type LeasedSession = {
  id: string;
  status: SessionStatus;
  sessionCiphertext: string | null;
  serverSaltCiphertext: string | null;
  dcId: number;
};

const leaseFree = (owner: string) =>
  or(
    isNull(telegramSessions.leaseUntil),
    lt(telegramSessions.leaseUntil, sql`now()`),
    eq(telegramSessions.leaseOwner, owner),
  );

/**
 * Takes the session's connection lease when it is free, expired or already ours, in one atomic UPDATE
 * (the database's clock decides expiry, so processes with skewed clocks agree).
 */
export async function takeLease(
  db: DbOrTx,
  sessionId: string,
  owner: string,
  seconds: number,
): Promise<LeasedSession | undefined> {
  const [row] = await db
    .update(telegramSessions)
    .set({ leaseOwner: owner, leaseUntil: secondsFromNow(seconds) })
    .where(and(eq(telegramSessions.id, sessionId), leaseFree(owner)))
    .returning({
      id: telegramSessions.id,
      status: telegramSessions.status,
      sessionCiphertext: telegramSessions.sessionCiphertext,
      serverSaltCiphertext: telegramSessions.serverSaltCiphertext,
      dcId: telegramSessions.dcId,
    });
  return row;
}

/** Extends a lease we hold; false when it is no longer ours. */
export async function renewLease(db: DbOrTx, sessionId: string, owner: string, seconds: number): Promise<boolean> {
  const rows = await db
    .update(telegramSessions)
    .set({ leaseUntil: secondsFromNow(seconds) })
    .where(and(eq(telegramSessions.id, sessionId), eq(telegramSessions.leaseOwner, owner)))
    .returning({ id: telegramSessions.id });
  return rows.length > 0;
}

export async function releaseLease(db: DbOrTx, sessionId: string, owner: string): Promise<void> {
  await db
    .update(telegramSessions)
    .set({ leaseOwner: null, leaseUntil: null })
    .where(and(eq(telegramSessions.id, sessionId), eq(telegramSessions.leaseOwner, owner)));
}

export function findLease(db: DbOrTx, sessionId: string) {
  return db.query.telegramSessions.findFirst({
    where: eq(telegramSessions.id, sessionId),
    columns: { id: true, leaseOwner: true, leaseUntil: true },
  });
}

/** Keeps the server salt a connection learned, unless the session was revoked meanwhile (its secrets destroyed). */
export async function storeServerSalt(db: DbOrTx, sessionId: string, serverSaltCiphertext: string): Promise<void> {
  await db
    .update(telegramSessions)
    .set({ serverSaltCiphertext })
    .where(and(eq(telegramSessions.id, sessionId), isNotNull(telegramSessions.sessionCiphertext)));
}

/** Records a use; Telegram counts it as activity, so the expiry forecast moves with it. */
export async function touchLastUsed(db: DbOrTx, sessionId: string): Promise<void> {
  const ttl = telegramSessions.authorizationTtlDays;
  await db
    .update(telegramSessions)
    .set({
      lastUsedAt: sql`now()`,
      expiresAt: sql`case when ${ttl} is null then ${telegramSessions.expiresAt} else now() + make_interval(days => ${ttl}) end`,
    })
    .where(eq(telegramSessions.id, sessionId));
}
