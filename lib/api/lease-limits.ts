import type { Actor } from "@/lib/auth/actors";
import { leaseAllowance } from "@/lib/auth/use-grant";
import type { LeaseHolder } from "@/lib/leases/lease";
import { ApiError } from "./errors";
import { maxLeaseTtlSeconds } from "./schemas/leases";

/**
 * The lease routes' permission rule: admins always, a `use` token only with `lease` granted (403), on a session
 * its selector covers (404, as invoke), for at most its maxLeaseTtlSeconds (400 on `ttlSeconds`).
 */
export function requireLeaseAllowed(actor: Actor, sessionId: string | null, ttlSeconds: number): void {
  const allowance = leaseAllowance(actor, sessionId, maxLeaseTtlSeconds);
  if (!allowance.allowed && allowance.why === "no_lease")
    throw new ApiError("forbidden", "This token may not take leases.");
  if (!allowance.allowed) throw new ApiError("not_found", "The session was not found.");
  if (ttlSeconds > allowance.maxTtlSeconds)
    throw new ApiError("invalid_input", "The lease is longer than this token may take.", {
      fields: { ttlSeconds: `At most ${allowance.maxTtlSeconds} seconds for this token.` },
    });
}

/** Who acts on an existing lease: a `use` token reaches only the leases it took itself. */
export function leaseHolderOf(actor: Actor): LeaseHolder {
  const token = actor.kind === "token" ? actor : undefined;
  return { label: actor.label, tokenId: token?.id ?? null, ownLeasesOnly: token?.scope === "use" };
}
