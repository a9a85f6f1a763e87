import { listAlertChannels } from "@/db/queries/alert-channels";
import { createChannel } from "@/lib/alerts/channels";
import { auditActorId } from "@/lib/audit";
import { hasRole } from "@/lib/auth/actors";
import { apiRoute } from "@/lib/api/handler";
import {
  channelItem,
  createChannelBody,
  type ChannelItem,
  channelList,
  createdChannel,
} from "@/lib/api/schemas/alerts";

/** Everyone sees names, kinds and subscriptions; only admins see the masked target. */
export const GET = apiRoute(
  { summary: "List alert channels", response: channelList, role: "viewer" },
  async ({ db, actor }) => ({
    items: (await listAlertChannels(db)).map((c) => channelItem(c, hasRole(actor, "admin"))),
  }),
);

/** Creates a channel; a webhook's signing secret is in this answer only. */
export const POST = apiRoute(
  {
    summary: "Create an alert channel",
    response: createdChannel,
    role: "admin",
    body: createChannelBody,
    status: 201,
    audit: {
      action: "alert_channel.create",
      target: ({ body }) => body.name,
      detail: ({ body }) => ({ kind: body.kind, events: body.events, labels: body.labels ?? [] }),
    },
  },
  async ({ db, actor, body, note }): Promise<{ id: string; item: ChannelItem; secret?: string }> => {
    const { channel, secret } = await createChannel(db, body, auditActorId(actor));
    note({ detail: { id: channel.id } });
    return { id: channel.id, item: channelItem(channel, true), ...(secret ? { secret } : {}) };
  },
);
