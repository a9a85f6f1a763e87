import { listDeliveries } from "@/db/queries/alert-deliveries";
import { apiRoute } from "@/lib/api/handler";
import { hasRole } from "@/lib/auth/actors";
import { deliveriesPage, deliveriesQuery, type DeliveriesPage, deliveriesPageSchema } from "@/lib/api/schemas/alerts";

/** The delivery log, newest first (viewers without the receivers' error texts); pass `nextCursor` back as `cursor` for the next page. */
export const GET = apiRoute(
  {
    summary: "The alert delivery log, newest first",
    response: deliveriesPageSchema,
    role: "viewer",
    query: deliveriesQuery,
  },
  async ({ db, query, actor }): Promise<DeliveriesPage> =>
    deliveriesPage(
      await listDeliveries(db, {
        channelId: query.channel,
        sessionId: query.session,
        before: query.cursor,
        limit: query.limit,
      }),
      query.limit,
      hasRole(actor, "admin"),
    ),
);
