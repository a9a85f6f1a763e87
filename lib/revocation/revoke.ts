import type { Db } from "@/db";
import type { Commit } from "@/lib/telegram/login/deps";
import { connectionManager, type ConnectionManager } from "@/lib/telegram/connection/manager";
import { beginRevocation } from "./begin";
import { finishRevocation, postponeRevocation } from "./finish";
import { logOutAtTelegram } from "./logout";
import type { Requester } from "./requester";

export type RevokeResult = {
  id: string;
  status: "revoked" | "revoke_pending";
  nextAttemptAt: string | null;
  lastError: string | null;
};

/**
 * Revokes a session: revoke_pending at once, then auth.logOut with its own key. On success the ciphertext
 * is destroyed in `commit` (with the caller's audit row); when Telegram cannot be reached the session
 * stays revoke_pending and the retry job logs it out later.
 */
export async function revokeSession(
  db: Db,
  sessionId: string,
  requester: Requester,
  commit: Commit,
  manager: ConnectionManager = connectionManager(),
): Promise<RevokeResult> {
  await beginRevocation(db, sessionId, requester, manager.config.leaseSeconds);
  const outcome = await logOutAtTelegram(db, manager, sessionId);
  if (outcome.done) {
    await commit((tx) => finishRevocation(tx, sessionId));
    return { id: sessionId, status: "revoked", nextAttemptAt: null, lastError: null };
  }
  const next = await commit((tx) => postponeRevocation(tx, sessionId, outcome.code));
  return { id: sessionId, status: "revoke_pending", nextAttemptAt: next.toISOString(), lastError: outcome.code };
}
