import type { DbOrTx } from "@/db";
import { ApiError } from "@/lib/api/errors";
import { lockSession } from "./lock-session";
import { markRevoked } from "./mark-revoked";
import type { Requester } from "./requester";

/**
 * "Forget locally": for a session Telegram already refuses (invalid), destroys the ciphertext and marks
 * it revoked without calling Telegram. Any other state must be revoked, so Telegram ends it too.
 */
export async function forgetSession(
  tx: DbOrTx,
  sessionId: string,
  requester: Requester,
): Promise<{ id: string; status: "revoked" }> {
  const { session } = await lockSession(tx, sessionId);
  if (session.status !== "invalid") {
    throw new ApiError(
      409,
      "conflict",
      "Only a session Telegram no longer accepts (invalid) can be forgotten locally. Revoke it instead.",
    );
  }
  await markRevoked(tx, sessionId, "forgotten", requester.actorLabel);
  return { id: sessionId, status: "revoked" };
}
