import { z } from "zod";
import type { DeliveryLogItem } from "@/db/queries/alert-deliveries";
import {
  alertChannelKindEnum,
  alertDeliveryStatusEnum,
  alertKinds,
  type AlertChannel,
  type AlertChannelKind,
  type AlertKind,
} from "@/db/schema/alerts";
import { isoDate, isoDateOrNull, labelList } from "./common";

/** The kinds a channel may subscribe to (alert.test goes only to the channel being tested). */
export const subscribableKinds = alertKinds.filter((k) => k !== "alert.test");

const name = z.string().trim().min(1, "Give the channel a name.").max(80, "Use at most 80 characters.");
const events = z
  .array(z.enum(subscribableKinds as [string, ...string[]], "Not a known event kind."))
  .min(1, "Choose at least one event.")
  .max(subscribableKinds.length)
  .transform((list) => [...new Set(list)] as (typeof alertKinds)[number][]);
const url = z.string().trim().min(1, "Give the URL.").max(2000, "Use at most 2,000 characters.");
const to = z
  .array(z.email("Not a valid email address.").max(254))
  .min(1, "Give at least one address.")
  .max(20, "Use at most 20 addresses.");

export const createChannelBody = z
  .object({
    kind: z.enum(alertChannelKindEnum.enumValues, "Choose webhook, slack, discord or email."),
    name,
    url: url.optional(),
    to: to.optional(),
    events,
    labels: labelList.optional(),
  })
  .superRefine((body, ctx) => {
    if (body.kind === "email" && !body.to)
      ctx.addIssue({ code: "custom", path: ["to"], message: "Give at least one address." });
    if (body.kind !== "email" && !body.url) ctx.addIssue({ code: "custom", path: ["url"], message: "Give the URL." });
    if (body.kind === "email" && body.url)
      ctx.addIssue({ code: "custom", path: ["url"], message: "An email channel has no URL." });
    if (body.kind !== "email" && body.to)
      ctx.addIssue({ code: "custom", path: ["to"], message: "Only an email channel has addresses." });
  });

export const updateChannelBody = z
  .object({
    name: name.optional(),
    events: events.optional(),
    labels: labelList.optional(),
    paused: z.boolean().optional(),
    url: url.optional(),
    to: to.optional(),
  })
  .refine((body) => Object.values(body).some((v) => v !== undefined), "Change at least one thing.");

const cursorPattern = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)~([0-9a-f-]{36})$/;

export const deliveriesQuery = z.object({
  channel: z.uuid("Not a valid channel id.").optional(),
  session: z.uuid("Not a valid session id.").optional(),
  cursor: z
    .string()
    .regex(cursorPattern, "Not a valid cursor.")
    .transform((text) => {
      const [, at, id] = cursorPattern.exec(text)!;
      return { createdAt: new Date(at!), id: id! };
    })
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type DeliveryItem = Omit<DeliveryLogItem, "lastAttemptAt" | "nextAttemptAt" | "createdAt"> & {
  lastAttemptAt: string | null;
  nextAttemptAt: string;
  createdAt: string;
};

export type DeliveriesPage = { items: DeliveryItem[]; nextCursor: string | null };

/** A page of the delivery log; the last error names the receiver's host, so only admins see it. */
export function deliveriesPage(rows: DeliveryLogItem[], limit: number, withErrors: boolean): DeliveriesPage {
  const items = rows.map((row) => ({
    ...row,
    lastError: withErrors ? row.lastError : null,
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    nextAttemptAt: row.nextAttemptAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  }));
  const last = rows.at(-1);
  return { items, nextCursor: rows.length === limit && last ? `${last.createdAt.toISOString()}~${last.id}` : null };
}

/** What anyone may see of a channel; admins also see the masked target. */
export type ChannelItem = {
  id: string;
  name: string;
  kind: AlertChannelKind;
  events: AlertKind[];
  labels: string[];
  paused: boolean;
  createdAt: string;
  target?: string;
};

export function channelItem(channel: AlertChannel, withTarget: boolean): ChannelItem {
  const { id, name, kind, events, labels, paused } = channel;
  return {
    id,
    name,
    kind,
    events,
    labels,
    paused,
    createdAt: channel.createdAt.toISOString(),
    ...(withTarget ? { target: channel.targetMasked } : {}),
  };
}

export const channelItemSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(alertChannelKindEnum.enumValues),
    events: z.array(z.enum(alertKinds)),
    labels: z.array(z.string()).meta({ description: "Only sessions with one of these labels; empty: every session." }),
    paused: z.boolean(),
    createdAt: isoDate,
    target: z.string().optional().meta({ description: "The masked URL or addresses; admins only." }),
  })
  .meta({ id: "ChannelItem" });

export const channelList = z.object({ items: z.array(channelItemSchema) });
export const createdChannel = z.object({
  id: z.uuid(),
  item: channelItemSchema,
  secret: z.string().optional().meta({ description: "A webhook's whsec_ signing secret, shown this once." }),
});
export const changedChannel = z.object({ item: channelItemSchema });
export const testedChannel = z.object({ deliveryId: z.uuid() });
export const redelivered = z.object({ id: z.uuid(), channelId: z.uuid() });

export const deliveriesPageSchema = z.object({
  items: z.array(
    z
      .object({
        id: z.uuid(),
        channelId: z.uuid(),
        channelName: z.string(),
        eventId: z.uuid(),
        kind: z.string(),
        sessionId: z.uuid().nullable(),
        status: z.enum(alertDeliveryStatusEnum.enumValues),
        attempts: z.number().int(),
        lastStatusCode: z.number().int().nullable(),
        lastError: z.string().nullable().meta({ description: "null for viewers: it can name the receiver's host." }),
        lastAttemptAt: isoDateOrNull,
        nextAttemptAt: isoDate,
        createdAt: isoDate,
      })
      .meta({ id: "DeliveryItem" }),
  ),
  nextCursor: z.string().nullable(),
});
