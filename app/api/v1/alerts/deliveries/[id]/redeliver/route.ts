import { redeliverAlert } from "@/lib/alerts/channels";
import { apiRoute } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas/common";
import { redelivered } from "@/lib/api/schemas/alerts";

/** Sends a delivery again, with the same webhook-id and a fresh retry window. */
export const POST = apiRoute(
  {
    summary: "Send an alert delivery again",
    response: redelivered,
    role: "admin",
    params: idParams,
    status: 202,
    audit: { action: "alert_delivery.redeliver", target: ({ params }) => params.id },
  },
  async ({ db, params }) => redeliverAlert(db, params.id),
);
