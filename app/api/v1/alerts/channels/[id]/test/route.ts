import { testChannel } from "@/lib/alerts/channels";
import { apiRoute } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas/common";
import { testedChannel } from "@/lib/api/schemas/alerts";

/** Queues a test event for the channel; its delivery appears in the log. */
export const POST = apiRoute(
  {
    summary: "Queue a test alert for a channel",
    response: testedChannel,
    role: "admin",
    params: idParams,
    status: 202,
    audit: { action: "alert_channel.test", target: ({ params }) => params.id },
  },
  async ({ db, params }) => testChannel(db, params.id),
);
