import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { sessionRevocations, sessionRotations, telegramSessions } from "@/db/schema";
import { ApiError } from "@/lib/api/errors";
import { lockSession } from "./lock-session";
import type { Requester } from "./requester";

const busy = (message: string) => new ApiError(409, "conflict", message);

/**
 * Makes the session revoke_pending (nobody uses it from now on) and records the logout still owed, with
 * its first attempt `holdSeconds` away so the retry job leaves the caller's own attempt alone.
 * 409 when the session is already revoked, being revoked or being rotated.
 */
export async function beginRevocation(
  db: Db,
  sessionId: string,
  requester: Requester,
  holdSeconds: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { session, rotation } = await lockSession(tx, sessionId);
    if (session.status === "revoked") throw busy("This session is already revoked.");
    if (session.status === "revoke_pending")
      throw busy("This session is already being revoked; the logout at Telegram is retried automatically.");
    if (rotation && rotation.step !== "password_needed")
      throw busy("This session is being rotated. Try again when the rotation has finished.");
    // A rotation waiting for the 2FA password holds nothing at Telegram yet: revoking wins over it.
    if (rotation)
      await tx
        .update(sessionRotations)
        .set({ step: "rolled_back", freshCiphertext: null, lastError: "REVOKED", updatedAt: new Date() })
        .where(eq(sessionRotations.id, rotation.id));
    await tx
      .update(telegramSessions)
      .set({ status: "revoke_pending", version: sql`${telegramSessions.version} + 1` })
      .where(eq(telegramSessions.id, sessionId));
    await tx.insert(sessionRevocations).values({
      sessionId,
      reason: "revoked",
      ...requester,
      nextAttemptAt: sql`now() + make_interval(secs => ${holdSeconds})`,
    });
  });
}
