import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { sessionRotations, type SessionRotation } from "@/db/schema";
import { ApiError } from "@/lib/api/errors";
import { lockSession } from "@/lib/revocation/lock-session";
import type { Requester } from "@/lib/revocation/requester";

export type RotationTarget = { id: string; accountId: string; dcId: number };
export type RotationClaim = { rotation: SessionRotation; session: RotationTarget };

const refusals: Record<string, string> = {
  invalid: "Telegram no longer accepts this session, so it cannot be rotated. Forget it and log the account in again.",
  revoke_pending: "This session is being revoked.",
  revoked: "This session is revoked.",
};

/**
 * Opens a rotation (or takes back one waiting for the 2FA password), holding it for `lockSeconds`.
 * 409 when the session is not usable or another rotation or a revoke is under way.
 */
export async function beginRotation(
  db: Db,
  sessionId: string,
  requester: Requester,
  trigger: "manual" | "policy",
  lockSeconds: number,
): Promise<RotationClaim> {
  return db.transaction(async (tx) => {
    const { session, rotation } = await lockSession(tx, sessionId);
    const refusal = refusals[session.status];
    if (refusal) throw new ApiError(409, "conflict", refusal);
    const lockedUntil = sql`now() + make_interval(secs => ${lockSeconds})`;
    if (rotation) {
      const free = !rotation.lockedUntil || rotation.lockedUntil.getTime() < Date.now();
      if (rotation.step !== "password_needed" || !free)
        throw new ApiError(409, "conflict", "This session is already being rotated.");
      const [taken] = await tx
        .update(sessionRotations)
        .set({ lockedUntil, updatedAt: sql`now()` })
        .where(eq(sessionRotations.id, rotation.id))
        .returning();
      return { rotation: taken ?? rotation, session };
    }
    const [created] = await tx
      .insert(sessionRotations)
      .values({ sessionId, trigger, ...requester, lockedUntil })
      .returning();
    if (!created) throw new Error("inserting a rotation returned no row");
    return { rotation: created, session };
  });
}
