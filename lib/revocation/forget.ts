import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { telegramSessions } from "@/db/schema";
import { ApiError } from "@/lib/api/errors";
import { lockSession } from "./lock-session";
import type { Requester } from "./requester";

/**
 * "Forget locally": for a session Telegram already refuses (invalid), destroys the ciphertext and marks
 * it revoked without calling Telegram. Any other state must be revoked, so Telegram ends it too.
 */
export async function forgetSession(tx: DbOrTx, sessionId: string, requester: Requester): Promise<{ id: string; status: "revoked" }> {
  const { session } = await lockSession(tx, sessionId);
  if (session.status !== "invalid") {
    throw new ApiError(409, "conflict", "Only a session Telegram no longer accepts (invalid) can be forgotten locally. Revoke it instead.");
  }
  await tx
    .update(telegramSessions)
    .set({
      status: "revoked",
      sessionCiphertext: null,
      revokedAt: new Date(),
      revokedReason: "forgotten",
      revokedBy: requester.actorLabel,
      version: sql`${telegramSessions.version} + 1`,
    })
    .where(eq(telegramSessions.id, sessionId));
  return { id: sessionId, status: "revoked" };
}
