import { apiRoute } from "@/lib/api/handler";
import { requireLeaseAllowed } from "@/lib/api/lease-limits";
import { idParams } from "@/lib/api/schemas/common";
import { createLeaseBody, type LeaseCreated, leaseCreated } from "@/lib/api/schemas/leases";
import { mintLease } from "@/lib/leases/mint";
import { requesterOf } from "@/lib/revocation/revoke";
import { connectionManager } from "@/lib/telegram/connection/manager";
import { loadKeyRing } from "@/lib/vault";

/**
 * Lends the session's account to a service: a fresh authorization minted from the console's session, in the
 * format asked for, shown in this 201 only (`{id, session, format, expiresAt}`). Admins (a signed-in one after a
 * recent second-factor proof) and `use` tokens with `lease`; 409 for a session that cannot lend or a 2FA account.
 */
export const POST = apiRoute(
  {
    summary: "Lend the session's account: a fresh authorization, shown once",
    response: leaseCreated,
    role: "admin",
    use: true,
    stepUp: true,
    params: idParams,
    body: createLeaseBody,
    status: 201,
    transaction: "manual",
    audit: {
      action: "lease.create",
      target: ({ params }) => params.id,
      detail: ({ body }) => ({ format: body.format, ttlSeconds: body.ttlSeconds }),
    },
  },
  async ({ db, params, body, actor, commit, note }): Promise<LeaseCreated> => {
    requireLeaseAllowed(actor, params.id, body.ttlSeconds);
    const token = actor.kind === "token" ? { id: actor.id, name: actor.name } : null;
    const deps = { db, ring: loadKeyRing(), manager: connectionManager() };
    const started = (leaseId: string) => note({ detail: { leaseId } });
    const lease = await mintLease(deps, params.id, { ...body, requester: requesterOf(actor), token, started }, commit);
    return { id: lease.id, session: lease.session, format: lease.format, expiresAt: lease.expiresAt.toISOString() };
  },
);
