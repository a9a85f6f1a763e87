import { and, desc, eq, notInArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { sessionRotations, telegramSessions, type RotationStep, type SessionStatus } from "@/db/schema";
import { closedRotationSteps } from "./rotations";

export type ImportedSessionState = {
  status: SessionStatus;
  sharedKey: boolean;
  /** The step of a rotation still open on the session. */
  openRotation?: RotationStep;
  /** The session a finished rotation swapped in for it. */
  successorId?: string;
};

/** How far an imported session got: still shared, being taken over, or replaced by the console's own key. */
export async function findImportedSessionState(
  db: DbOrTx,
  sessionId: string,
): Promise<ImportedSessionState | undefined> {
  const session = await db.query.telegramSessions.findFirst({
    where: eq(telegramSessions.id, sessionId),
    columns: { status: true, sharedKey: true },
  });
  if (!session) return undefined;
  const open = await db.query.sessionRotations.findFirst({
    where: and(eq(sessionRotations.sessionId, sessionId), notInArray(sessionRotations.step, closedRotationSteps)),
    columns: { step: true },
  });
  const [successor] = await db
    .select({ id: telegramSessions.id })
    .from(telegramSessions)
    .where(eq(telegramSessions.rotatedFromId, sessionId))
    .orderBy(desc(telegramSessions.createdAt))
    .limit(1);
  return { ...session, openRotation: open?.step, successorId: successor?.id };
}
