import { Api } from "telegram";
import type { Db, DbOrTx } from "@/db";
import {
  closeRevocation,
  lockSessionForChange,
  markRevoked,
  markRevokePending,
  recordRevocationFailure,
  rescheduleRevocation,
  type Requester,
} from "@/db/queries/revocations";
import { revokedReason, rollBackRotation } from "@/db/queries/rotations";
import { deadStatuses } from "@/db/schema";
import { DomainError, notFound } from "@/lib/errors/domain";
import { auditActorId } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actors";
import { backoffMs } from "@/lib/telegram/connection/backoff";
import { FloodWaitActiveError, SessionBusyError, SessionUnavailableError } from "@/lib/telegram/connection/errors";
import { connectionManager, type ConnectionManager } from "@/lib/telegram/connection/manager";
import { classifyTelegramError } from "@/lib/telegram/errors";
import type { Commit } from "@/lib/telegram/login/deps";
import { VaultDecryptError } from "@/lib/vault";

export type { Requester } from "@/db/queries/revocations";

export const systemRequester: Requester = { actorId: null, actorLabel: "system" };

export function requesterOf(actor: Actor): Requester {
  return { actorId: auditActorId(actor), actorLabel: actor.label };
}

/** Logged out now, or owed: then when the next attempt is and the code the last one failed with. */
export type Revocation = { status: "revoked" } | { status: "revoke_pending"; nextAttemptAt: Date; lastError: string };

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
): Promise<Revocation> {
  await beginRevocation(db, sessionId, requester, manager.config.leaseSeconds);
  const outcome = await logOutAtTelegram(db, manager, sessionId);
  if (outcome.done) {
    await commit((tx) => closeRevocation(tx, sessionId));
    return { status: "revoked" };
  }
  const next = await commit((tx) => postponeRevocation(tx, sessionId, outcome.code));
  return { status: "revoke_pending", nextAttemptAt: next, lastError: outcome.code };
}

/**
 * Inside a transaction: locks the session row until it ends and reads its open rotation: rotate, revoke and
 * forget all start here, so two of them on one session are serialised and the second sees the first.
 */
export async function lockSession(tx: DbOrTx, sessionId: string) {
  const locked = await lockSessionForChange(tx, sessionId);
  if (!locked) throw notFound("The session");
  return locked;
}

const busy = (message: string) => new DomainError("conflict", message);

/**
 * Makes the session revoke_pending (nobody uses it from now on) and records the logout still owed, with
 * its first attempt `holdSeconds` away so the retry job leaves the caller's own attempt alone.
 * Refused (conflict) when the session is already revoked, being revoked or being rotated.
 */
async function beginRevocation(db: Db, sessionId: string, requester: Requester, holdSeconds: number): Promise<void> {
  await db.transaction(async (tx) => {
    const { session, rotation } = await lockSession(tx, sessionId);
    if (session.status === "revoked") throw busy("This session is already revoked.");
    if (session.status === "revoke_pending")
      throw busy("This session is already being revoked; the logout at Telegram is retried automatically.");
    if (rotation && rotation.step !== "password_needed")
      throw busy("This session is being rotated. Try again when the rotation has finished.");
    // A rotation waiting for the 2FA password holds nothing at Telegram yet: revoking wins over it.
    if (rotation) await rollBackRotation(tx, rotation.id, revokedReason);
    await markRevokePending(tx, sessionId, { reason: "revoked", ...requester, holdSeconds });
  });
}

export type LogoutOutcome = { done: true } | { done: false; code: string };

/**
 * auth.logOut with the session's own key, under its lease. A key Telegram already refuses as dead is as
 * good as logged out; anything without a definite answer (network, busy lease, flood wait) is retried later.
 */
export async function logOutAtTelegram(
  db: DbOrTx,
  manager: ConnectionManager,
  sessionId: string,
): Promise<LogoutOutcome> {
  try {
    await manager.run(db, sessionId, (client) => client.invoke(new Api.auth.LogOut()), {
      method: "auth.LogOut",
      keepAlive: false,
    });
    return { done: true };
  } catch (error) {
    if (error instanceof SessionUnavailableError)
      return error.reason === "revoked" ? { done: true } : { done: false, code: "NOT_FOUND" };
    if (error instanceof VaultDecryptError) return { done: false, code: "DECRYPT_FAILED" };
    if (error instanceof SessionBusyError) return { done: false, code: "BUSY" };
    if (error instanceof FloodWaitActiveError) return { done: false, code: "FLOOD_WAIT" };
    const failure = classifyTelegramError(error);
    return failure.kind === "terminal" ? { done: true } : { done: false, code: failure.code };
  }
}

export const retryBackoff = { baseMs: 5_000, maxMs: 3_600_000 };

/** The logout could not be done now: the next try comes after an exponential, jittered delay. */
export async function postponeRevocation(db: DbOrTx, sessionId: string, code: string): Promise<Date> {
  const attempts = await recordRevocationFailure(db, sessionId, code);
  const next = new Date(Date.now() + backoffMs(attempts - 1, retryBackoff.baseMs, retryBackoff.maxMs));
  await rescheduleRevocation(db, sessionId, next);
  return next;
}

/**
 * "Forget locally": for a session Telegram already refuses (invalid, banned, deactivated), destroys the ciphertext and marks
 * it revoked without calling Telegram. Any other state must be revoked, so Telegram ends it too.
 */
export async function forgetSession(
  tx: DbOrTx,
  sessionId: string,
  requester: Requester,
): Promise<{ id: string; status: "revoked" }> {
  const { session } = await lockSession(tx, sessionId);
  if (!deadStatuses.includes(session.status)) {
    throw new DomainError(
      "conflict",
      "Only a session Telegram no longer accepts (invalid, banned or deleted account) can be forgotten locally. Revoke it instead.",
    );
  }
  await markRevoked(tx, sessionId, "forgotten", requester.actorLabel);
  return { id: sessionId, status: "revoked" };
}
