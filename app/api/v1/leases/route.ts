import { listLeases } from "@/db/queries/key-leases";
import { apiRoute } from "@/lib/api/handler";
import { leaseHolderOf } from "@/lib/api/lease-limits";
import { leasesQuery, toLeaseItem, type LeaseItem, leaseList } from "@/lib/api/schemas/leases";

/** Leases, newest first (`?sessionId=`, `?open=true`): who took each, since and until when, and its logout. */
export const GET = apiRoute(
  { summary: "List leases, newest first", response: leaseList, role: "admin", use: true, query: leasesQuery },
  async ({ db, actor, query }): Promise<{ items: LeaseItem[] }> => {
    const holder = leaseHolderOf(actor);
    const rows = await listLeases(db, {
      sessionId: query.sessionId,
      tokenId: holder.ownLeasesOnly ? (holder.tokenId ?? undefined) : undefined,
      open: query.open === "true",
      limit: query.limit,
    });
    return { items: rows.map(toLeaseItem) };
  },
);
