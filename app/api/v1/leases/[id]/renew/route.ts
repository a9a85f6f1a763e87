import { apiRoute } from "@/lib/api/handler";
import { leaseHolderOf, requireLeaseAllowed } from "@/lib/api/lease-limits";
import { idParams } from "@/lib/api/schemas/common";
import { renewLeaseBody, toLeaseItem, type LeaseItem, leaseItem } from "@/lib/api/schemas/leases";
import { renewLease } from "@/lib/leases/lease";

/** Extends an active lease to `ttlSeconds` from now, within the same cap as taking it; 409 once it has ended. */
export const POST = apiRoute(
  {
    summary: "Extend an active lease",
    response: leaseItem,
    role: "admin",
    use: true,
    params: idParams,
    body: renewLeaseBody,
    audit: {
      action: "lease.renew",
      target: ({ params }) => params.id,
      detail: ({ body }) => ({ ttlSeconds: body.ttlSeconds }),
    },
  },
  async ({ db, actor, params, body }): Promise<LeaseItem> => {
    requireLeaseAllowed(actor, null, body.ttlSeconds);
    return toLeaseItem(await renewLease(db, params.id, body.ttlSeconds, leaseHolderOf(actor)));
  },
);
