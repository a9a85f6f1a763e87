import { Api, type TelegramClient } from "telegram";
import { recordConsoleAuthorization } from "@/db/queries/session-authorizations";
import { activateLease, endLease, findLeaseTarget, insertLease, saveLeaseKey } from "@/db/queries/key-leases";
import type { KeyLease, LeaseFormat } from "@/db/schema";
import { DomainError, notFound } from "@/lib/errors/domain";
import { secrets } from "@/lib/keys/encrypted-columns";
import type { Requester } from "@/lib/revocation/revoke";
import { closeClient, handOffLoginToken, importAuthorization, openFreshClient } from "@/lib/rotation/authorize";
import { saveSession } from "@/lib/telegram/client";
import { learnHashes } from "@/lib/telegram/console-authorizations";
import type { Commit } from "@/lib/telegram/login/deps";
import { telegramTarget } from "@/lib/telegram/target";
import { encrypt } from "@/lib/vault";
import { toLeaseString } from "./format";
import { leaseHoldSeconds, logOutLease, settleLeaseLogout, type LeaseDeps } from "./logout";

export type LeaseRequest = {
  ttlSeconds: number;
  format: LeaseFormat;
  requester: Requester;
  token: { id: string; name: string } | null;
  /** Told the lease's id as soon as its row exists (for the audit row). */
  started?(leaseId: string): void;
};

/** A lease as it is handed out, once: the only time its session string exists outside Telegram and the vault. */
export type MintedLease = { id: string; session: string; format: LeaseFormat; expiresAt: Date };

const leasable = new Set(["active", "degraded"]);

/**
 * Mints a fresh authorization of the session's account for a service (the rotation's login-token handoff from
 * the console's own session, under its lease) and hands it out in `format`. The lease row exists before the key
 * does and keeps the key vault-encrypted from the moment Telegram may authorize it, so a crash at any point
 * leaves a lease the maintenance pass logs out. An account with two-step verification cannot be leased.
 */
export async function mintLease(
  deps: LeaseDeps,
  sessionId: string,
  request: LeaseRequest,
  commit: Commit,
): Promise<MintedLease> {
  const target = await findLeaseTarget(deps.db, sessionId);
  if (!target) throw notFound("The session");
  if (!leasable.has(target.status))
    throw new DomainError("conflict", "Only an active session can lend a key. Check the session first.");
  const lease = await insertLease(
    deps.db,
    {
      sessionId,
      accountId: target.accountId,
      dcId: target.dcId,
      format: request.format,
      tokenId: request.token?.id ?? null,
      tokenName: request.token?.name ?? null,
      actorId: request.requester.actorId,
      actorLabel: request.requester.actorLabel,
      ttlSeconds: request.ttlSeconds,
    },
    leaseHoldSeconds(deps),
  );
  request.started?.(lease.id);
  try {
    const { apiId } = await telegramTarget();
    return await deps.manager.run(
      deps.db,
      sessionId,
      async (console) => {
        const fresh = await openFreshClient("", target.dcId);
        try {
          const minted = await authorizeLeaseKey(deps, lease, fresh, console);
          const active = await commit((tx) =>
            activateLease(tx, lease.id, { ...minted, ttlSeconds: request.ttlSeconds }),
          );
          if (!active) {
            await fresh.invoke(new Api.auth.LogOut()).catch(() => undefined);
            throw new DomainError("conflict", "The lease was ended while it was being made.");
          }
          const owner = { telegramUserId: target.telegramUserId, apiId };
          const session = toLeaseString(saveSession(fresh), request.format, owner);
          return { id: lease.id, session, format: request.format, expiresAt: active.expiresAt };
        } finally {
          await closeClient(fresh);
        }
      },
      { method: "auth.AcceptLoginToken" },
    );
  } catch (error) {
    await abandon(deps, lease.id, request.requester.actorLabel);
    throw error;
  }
}

async function authorizeLeaseKey(deps: LeaseDeps, lease: KeyLease, fresh: TelegramClient, console: TelegramClient) {
  const sealed = () => encrypt(deps.ring, saveSession(fresh), secrets.leaseKey.binding(lease.id));
  await handOffLoginToken(fresh, console, {
    exported: () => saveLeaseKey(deps.db, lease.id, sealed()),
    accepted: () => Promise.resolve(),
  });
  if (!(await importAuthorization(fresh)))
    throw new DomainError(
      "conflict",
      "This account has two-step verification: a leased key would need its password. Use invoke instead.",
    );
  const { freshHash, siblingHash } = await learnHashes(fresh, console).catch(() => ({
    freshHash: null,
    siblingHash: null,
  }));
  // The lease's list shows the console's session to it: that hash is positively the session's own.
  if (siblingHash !== null) await recordConsoleAuthorization(deps.db, lease.sessionId, siblingHash);
  return { hash: freshHash, keyCiphertext: sealed() };
}

/** A mint that failed: whatever key it made is logged out now, or by the maintenance pass. */
async function abandon(deps: LeaseDeps, leaseId: string, endedBy: string): Promise<void> {
  try {
    const ended = await endLease(deps.db, leaseId, { reason: "aborted", endedBy, holdSeconds: leaseHoldSeconds(deps) });
    if (ended) await settleLeaseLogout(deps.db, ended, await logOutLease(deps, ended));
  } catch {
    // The lease stays minting or logout_pending; the maintenance pass finishes it.
  }
}
