import { Api } from "telegram";
import { returnBigInt } from "telegram/Helpers";
import type { Db, DbOrTx } from "@/db";
import { claimDueLeaseLogout, closeLeaseLogout, postponeLeaseLogout } from "@/db/queries/key-leases";
import type { KeyLease } from "@/db/schema";
import { systemActor, writeAudit } from "@/lib/audit";
import { secrets } from "@/lib/keys/encrypted-columns";
import { retryBackoff, type LogoutOutcome } from "@/lib/revocation/revoke";
import { backoffMs } from "@/lib/telegram/connection/backoff";
import { SessionUnavailableError } from "@/lib/telegram/connection/errors";
import type { ConnectionManager } from "@/lib/telegram/connection/manager";
import { classifyTelegramError } from "@/lib/telegram/errors";
import type { Commit } from "@/lib/telegram/login/deps";
import { decrypt, VaultDecryptError, type KeyRing } from "@/lib/vault";

export type LeaseDeps = { db: Db; ring: KeyRing; manager: ConnectionManager };

/** How long a process minting or logging out a lease holds it before the maintenance pass may take over. */
export const leaseHoldSeconds = (deps: Pick<LeaseDeps, "manager">) => deps.manager.config.leaseSeconds * 2;

function codeOf(error: unknown): { code: string; terminal: boolean } {
  if (error instanceof SessionUnavailableError) return { code: "CONSOLE_SESSION_UNAVAILABLE", terminal: false };
  if (error instanceof VaultDecryptError) return { code: "DECRYPT_FAILED", terminal: false };
  const failure = classifyTelegramError(error);
  return { code: failure.code, terminal: failure.kind === "terminal" };
}

/**
 * Logs a lease's authorization out at Telegram. First from the console's own session (account.resetAuthorization
 * with the lease's hash), which needs no key; when Telegram refuses that (a console session younger than a day:
 * FRESH_RESET_AUTHORISATION_FORBIDDEN), the session is gone or the hash is unknown, the lease's key logs itself
 * out (auth.logOut). A key Telegram already refuses as dead is as good as logged out.
 */
export async function logOutLease(deps: LeaseDeps, lease: KeyLease): Promise<LogoutOutcome> {
  let lastCode = "NO_KEY";
  if (lease.hash !== null) {
    const hash = returnBigInt(lease.hash.toString());
    try {
      await deps.manager.run(deps.db, lease.sessionId, (client) =>
        client.invoke(new Api.account.ResetAuthorization({ hash })),
      );
      return { done: true };
    } catch (error) {
      lastCode = codeOf(error).code;
      // No such authorization of the account any more: it is gone, unless only its own key can say.
      if (lastCode === "HASH_INVALID" && !lease.keyCiphertext) return { done: true };
    }
  }
  // Nothing was ever handed to Telegram: a mint that stopped before its key existed.
  if (!lease.keyCiphertext) return lease.hash === null ? { done: true } : { done: false, code: lastCode };
  try {
    const saved = decrypt(deps.ring, lease.keyCiphertext, secrets.leaseKey.binding(lease.id));
    await deps.manager.runUnstored(deps.db, `lease:${lease.id}`, saved, (client) =>
      client.invoke(new Api.auth.LogOut()),
    );
    return { done: true };
  } catch (error) {
    const { code, terminal } = codeOf(error);
    return terminal ? { done: true } : { done: false, code };
  }
}

/**
 * After an attempt: the lease closed (key destroyed) when it is done, in `commit` (with the caller's audit row) or
 * with a system audit row; else the next try scheduled. Returns the closed lease.
 */
export async function settleLeaseLogout(
  db: Db,
  lease: KeyLease,
  outcome: LogoutOutcome,
  commit?: Commit,
): Promise<KeyLease | undefined> {
  if (!outcome.done) {
    const attempts = lease.attempts + 1;
    const next = new Date(Date.now() + backoffMs(attempts - 1, retryBackoff.baseMs, retryBackoff.maxMs));
    await postponeLeaseLogout(db, lease.id, outcome.code, next);
    return undefined;
  }
  const close = async (tx: DbOrTx) => {
    const closed = await closeLeaseLogout(tx, lease.id);
    if (closed && !commit) await auditSystemLogout(tx, closed);
    return closed;
  };
  return commit ? commit(close) : db.transaction(close);
}

function auditSystemLogout(tx: DbOrTx, closed: KeyLease): Promise<void> {
  return writeAudit(tx, systemActor, {
    action: "lease.logout",
    target: closed.id,
    outcome: "success",
    detail: { sessionId: closed.sessionId, reason: closed.endReason, attempts: closed.attempts + 1 },
  });
}

/**
 * The maintenance job: logs out the leases that expired, are owed a logout again, or were left minting by a
 * crash, at most `limit`; returns how many ended logged out. Everything it needs is in the database.
 */
export async function logOutDueLeases(deps: LeaseDeps, limit = 10): Promise<number> {
  let loggedOut = 0;
  for (let i = 0; i < limit; i++) {
    const lease = await claimDueLeaseLogout(deps.db, leaseHoldSeconds(deps));
    if (!lease) break;
    if (await settleLeaseLogout(deps.db, lease, await logOutLease(deps, lease))) loggedOut++;
  }
  return loggedOut;
}
