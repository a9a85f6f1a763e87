import { changeChannel, removeChannel } from "@/lib/alerts/channels";
import { apiRoute } from "@/lib/api/handler";
import { channelItem, updateChannelBody, changedChannel } from "@/lib/api/schemas/alerts";
import { idParams, idReply } from "@/lib/api/schemas/common";

/** Renames, resubscribes, pauses or resumes a channel, or points it elsewhere (checked like a new one). */
export const PATCH = apiRoute(
  {
    summary: "Change an alert channel",
    response: changedChannel,
    role: "admin",
    params: idParams,
    body: updateChannelBody,
    audit: {
      action: "alert_channel.update",
      target: ({ params }) => params.id,
      detail: ({ body }) => ({
        name: body.name ?? null,
        events: body.events ?? null,
        labels: body.labels ?? null,
        paused: body.paused ?? null,
        targetChanged: body.url !== undefined || body.to !== undefined,
      }),
    },
  },
  async ({ db, params, body }) => ({ item: channelItem(await changeChannel(db, params.id, body), true) }),
);

/** Deletes a channel and its delivery log. */
export const DELETE = apiRoute(
  {
    summary: "Delete an alert channel",
    response: idReply,
    role: "admin",
    params: idParams,
    audit: { action: "alert_channel.delete", target: ({ params }) => params.id },
  },
  async ({ db, params, note }) => {
    const removed = await removeChannel(db, params.id);
    note({ detail: { name: removed.name } });
    return { id: removed.id };
  },
);
