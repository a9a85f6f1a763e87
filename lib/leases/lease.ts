import { endLease, findLease, renewLease as pushLeaseEnd } from "@/db/queries/key-leases";
import type { KeyLease } from "@/db/schema";
import { DomainError, notFound } from "@/lib/errors/domain";
import type { Commit } from "@/lib/telegram/login/deps";
import { leaseHoldSeconds, logOutLease, settleLeaseLogout, type LeaseDeps } from "./logout";

/** Who acts on a lease: a `use` token sees only the leases it took; anyone else allowed here sees every lease. */
export type LeaseHolder = { label: string; tokenId: string | null; ownLeasesOnly: boolean };

async function findVisibleLease(db: LeaseDeps["db"], id: string, holder: LeaseHolder): Promise<KeyLease> {
  const lease = await findLease(db, id);
  if (!lease || (holder.ownLeasesOnly && lease.tokenId !== holder.tokenId)) throw notFound("The lease");
  return lease;
}

/** Pushes an active lease's expiry to `ttlSeconds` from now (the caller has checked the cap). */
export async function renewLease(
  db: LeaseDeps["db"],
  id: string,
  ttlSeconds: number,
  holder: LeaseHolder,
): Promise<KeyLease> {
  await findVisibleLease(db, id, holder);
  const renewed = await pushLeaseEnd(db, id, ttlSeconds);
  if (!renewed) throw new DomainError("conflict", "This lease has ended; take a new one.");
  return renewed;
}

/**
 * Ends a lease now: released by the token that took it, revoked by anyone else. The logout at Telegram is tried
 * at once; when it cannot be done now the lease stays logout_pending and the maintenance pass retries it.
 */
export async function endLeaseNow(deps: LeaseDeps, id: string, holder: LeaseHolder, commit: Commit): Promise<KeyLease> {
  const lease = await findVisibleLease(deps.db, id, holder);
  const reason = lease.tokenId !== null && lease.tokenId === holder.tokenId ? "released" : "revoked";
  const ended = await endLease(deps.db, id, { reason, endedBy: holder.label, holdSeconds: leaseHoldSeconds(deps) });
  if (!ended) throw new DomainError("conflict", "This lease has already ended.");
  const closed = await settleLeaseLogout(deps.db, ended, await logOutLease(deps, ended), commit);
  return closed ?? (await commit((tx) => findLease(tx, id))) ?? ended;
}
