import { and, eq, notInArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { sessionRotations, telegramSessions, type RotationStep } from "@/db/schema";
import { notFound } from "@/lib/api/errors";

export const closedRotationSteps: RotationStep[] = ["done", "rolled_back"];

/**
 * Inside a transaction: locks the session row until it ends and reads its open rotation: rotate, revoke and
 * forget all start here, so two of them on one session are serialised and the second sees the first.
 */
export async function lockSession(tx: DbOrTx, sessionId: string) {
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
  if (!session) throw notFound("The session");
  const rotation = await tx.query.sessionRotations.findFirst({
    where: and(eq(sessionRotations.sessionId, sessionId), notInArray(sessionRotations.step, closedRotationSteps)),
  });
  return { session, rotation };
}
