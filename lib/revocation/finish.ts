import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { sessionRevocations, telegramSessions } from "@/db/schema";
import { backoffMs } from "@/lib/telegram/connection/backoff";
import { markRevoked } from "./mark-revoked";

/**
 * The logout succeeded: the ciphertext is destroyed and the row marked revoked with the reason, who asked
 * and when. Returns the pending revocation it closed (undefined when another process closed it first).
 */
export async function finishRevocation(tx: DbOrTx, sessionId: string) {
  const [pending] = await tx.delete(sessionRevocations).where(eq(sessionRevocations.sessionId, sessionId)).returning();
  if (!pending) return undefined;
  await markRevoked(tx, sessionId, pending.reason, pending.actorLabel);
  return pending;
}

export const retryBackoff = { baseMs: 5_000, maxMs: 3_600_000 };

/** The logout could not be done now: the next try comes after an exponential, jittered delay. */
export async function postponeRevocation(db: DbOrTx, sessionId: string, code: string): Promise<Date> {
  const [row] = await db
    .update(sessionRevocations)
    .set({ attempts: sql`${sessionRevocations.attempts} + 1`, lastError: code })
    .where(eq(sessionRevocations.sessionId, sessionId))
    .returning({ attempts: sessionRevocations.attempts });
  const next = new Date(Date.now() + backoffMs((row?.attempts ?? 1) - 1, retryBackoff.baseMs, retryBackoff.maxMs));
  await db.update(sessionRevocations).set({ nextAttemptAt: next }).where(eq(sessionRevocations.sessionId, sessionId));
  await db.update(telegramSessions).set({ lastError: code }).where(eq(telegramSessions.id, sessionId));
  return next;
}
