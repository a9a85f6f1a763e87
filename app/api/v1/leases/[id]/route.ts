import { apiRoute } from "@/lib/api/handler";
import { leaseHolderOf } from "@/lib/api/lease-limits";
import { idParams } from "@/lib/api/schemas/common";
import { toLeaseItem, type LeaseItem, leaseItem } from "@/lib/api/schemas/leases";
import { endLeaseNow } from "@/lib/leases/lease";
import { connectionManager } from "@/lib/telegram/connection/manager";
import { loadKeyRing } from "@/lib/vault";

/**
 * Ends a lease now (released by the token that took it, revoked by an admin) and logs its authorization out at
 * Telegram; `status` is logged_out, or logout_pending while the logout is retried in the background.
 */
export const DELETE = apiRoute(
  {
    summary: "End a lease and log its authorization out",
    response: leaseItem,
    role: "admin",
    use: true,
    params: idParams,
    transaction: "manual",
    audit: { action: "lease.end", target: ({ params }) => params.id },
  },
  async ({ db, actor, params, commit, note }): Promise<LeaseItem> => {
    const deps = { db, ring: loadKeyRing(), manager: connectionManager() };
    const ended = await endLeaseNow(deps, params.id, leaseHolderOf(actor), commit);
    note({ detail: { sessionId: ended.sessionId, reason: ended.endReason, status: ended.status } });
    return toLeaseItem(ended);
  },
);
