import { and, asc, eq, lte, notInArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { sessionRevocations, sessionRotations, telegramSessions, type SessionRevocation } from "@/db/schema";
import { claimNext, secondsFromNow } from "./claim";
import { closedRotationSteps } from "./rotations";

/** Who asked for a revoke or rotation, kept on the pending row so a later retry can name them. */
export type Requester = { actorId: string | null; actorLabel: string };

/**
 * Inside a transaction: locks the session row until it ends and reads its open rotation: rotate, revoke and
 * forget all start here, so two of them on one session are serialised and the second sees the first.
 * undefined when there is no such session.
 */
export async function lockSessionForChange(tx: DbOrTx, sessionId: string) {
  const [session] = await tx
    .select({
      id: telegramSessions.id,
      status: telegramSessions.status,
      accountId: telegramSessions.accountId,
      dcId: telegramSessions.dcId,
    })
    .from(telegramSessions)
    .where(eq(telegramSessions.id, sessionId))
    .for("update");
  if (!session) return undefined;
  const rotation = await tx.query.sessionRotations.findFirst({
    where: and(eq(sessionRotations.sessionId, sessionId), notInArray(sessionRotations.step, closedRotationSteps)),
  });
  return { session, rotation };
}

/**
 * Makes the session revoke_pending (nobody uses it from now on) and records the logout still owed, its first
 * attempt `holdSeconds` away so the retry job leaves the caller's own attempt alone.
 */
export async function markRevokePending(
  tx: DbOrTx,
  sessionId: string,
  owed: Requester & { reason: "revoked" | "rotated"; holdSeconds: number },
): Promise<void> {
  const { holdSeconds, ...pending } = owed;
  await tx
    .update(telegramSessions)
    .set({ status: "revoke_pending", version: sql`${telegramSessions.version} + 1` })
    .where(eq(telegramSessions.id, sessionId));
  await tx
    .insert(sessionRevocations)
    .values({ sessionId, ...pending, nextAttemptAt: secondsFromNow(holdSeconds) })
    .onConflictDoNothing();
}

/** Marks a session revoked and destroys its ciphertext, recording the reason, who asked and when. */
export async function markRevoked(tx: DbOrTx, sessionId: string, reason: string, by: string): Promise<void> {
  await tx
    .update(telegramSessions)
    .set({
      status: "revoked",
      sessionCiphertext: null,
      serverSaltCiphertext: null,
      revokedAt: new Date(),
      revokedReason: reason,
      revokedBy: by,
      version: sql`${telegramSessions.version} + 1`,
    })
    .where(eq(telegramSessions.id, sessionId));
}

/**
 * The logout succeeded: the ciphertext is destroyed and the row marked revoked with the reason, who asked
 * and when. Returns the pending revocation it closed (undefined when another process closed it first).
 */
export async function closeRevocation(tx: DbOrTx, sessionId: string): Promise<SessionRevocation | undefined> {
  const [pending] = await tx.delete(sessionRevocations).where(eq(sessionRevocations.sessionId, sessionId)).returning();
  if (!pending) return undefined;
  await markRevoked(tx, sessionId, pending.reason, pending.actorLabel);
  return pending;
}

/** A logout attempt failed with `code`: counted on the pending row and shown on the session. Returns the attempts so far. */
export async function recordRevocationFailure(db: DbOrTx, sessionId: string, code: string): Promise<number> {
  const [row] = await db
    .update(sessionRevocations)
    .set({ attempts: sql`${sessionRevocations.attempts} + 1`, lastError: code })
    .where(eq(sessionRevocations.sessionId, sessionId))
    .returning({ attempts: sessionRevocations.attempts });
  await db.update(telegramSessions).set({ lastError: code }).where(eq(telegramSessions.id, sessionId));
  return row?.attempts ?? 1;
}

export async function rescheduleRevocation(db: DbOrTx, sessionId: string, nextAttemptAt: Date): Promise<void> {
  await db.update(sessionRevocations).set({ nextAttemptAt }).where(eq(sessionRevocations.sessionId, sessionId));
}

/** A session being revoked: nobody may use it any more, though its key is kept until Telegram logs it out. */
export async function isRevokePending(db: DbOrTx, sessionId: string): Promise<boolean> {
  const row = await db.query.telegramSessions.findFirst({
    where: eq(telegramSessions.id, sessionId),
    columns: { status: true },
  });
  return row?.status === "revoke_pending";
}

/** Takes the most overdue pending logout for `holdSeconds`; returns its session's id. */
export async function claimDueRevocation(db: DbOrTx, holdSeconds: number): Promise<string | undefined> {
  const [row] = await claimNext(db, sessionRevocations, {
    key: sessionRevocations.sessionId,
    where: lte(sessionRevocations.nextAttemptAt, sql`now()`),
    orderBy: [asc(sessionRevocations.nextAttemptAt)],
    set: { nextAttemptAt: secondsFromNow(holdSeconds) },
  }).returning({ id: sessionRevocations.sessionId });
  return row?.id;
}
