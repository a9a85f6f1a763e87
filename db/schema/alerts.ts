import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { telegramSessions } from "./telegram-sessions";
import { users } from "./users";

export const alertKinds = [
  "session.degraded",
  "session.invalid",
  "session.frozen",
  "session.banned",
  "session.deactivated",
  "session.revoked_elsewhere",
  "session.recovered",
  "device.foreign",
  "session.expiring",
  "session.flood_wait",
  "rotation.failed",
  "session.undecryptable",
  "key.shared",
  "monitor.stale",
  "alert.test",
] as const;
export type AlertKind = (typeof alertKinds)[number];

/** What an event says beyond its session; never a secret. */
export type AlertDetails = Record<string, string | number | boolean | null | Record<string, unknown>>;

/** An event to be written with the state change that causes it. */
export type AlertDraft = { kind: AlertKind; details: AlertDetails };

/**
 * The transactional outbox: one row per event, written in the transaction of the state change that caused
 * it. The dispatcher fans it out into alert_deliveries (one per subscribed channel) and stamps dispatchedAt.
 */
export const alertEvents = pgTable(
  "alert_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    /** The eventId receivers see. */
    publicId: uuid("public_id").notNull().defaultRandom(),
    kind: text("kind").$type<AlertKind>().notNull(),
    sessionId: uuid("session_id").references(() => telegramSessions.id, { onDelete: "cascade" }),
    details: jsonb("details").$type<AlertDetails>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    dispatchedAt: timestamp("dispatched_at", { withTimezone: true }),
    /** Set when the cooldown folded this event into an earlier one of its session and kind. */
    suppressed: boolean("suppressed").notNull().default(false),
    /** Events of this session and kind folded into this one while it waited out the cooldown. */
    collapsedCount: integer("collapsed_count").notNull().default(0),
  },
  (t) => [
    index("alert_events_undispatched_idx")
      .on(t.id)
      .where(sql`${t.dispatchedAt} is null`),
    index("alert_events_session_kind_idx").on(t.sessionId, t.kind, t.id),
  ],
);

export type AlertEvent = typeof alertEvents.$inferSelect;

export const alertChannelKindEnum = pgEnum("alert_channel_kind", ["webhook", "slack", "discord", "email"]);
export type AlertChannelKind = (typeof alertChannelKindEnum.enumValues)[number];

/** Where alerts go. The URL (or the address list) and the signing secret are vault envelopes bound to the row. */
export const alertChannels = pgTable("alert_channels", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  kind: alertChannelKindEnum("kind").notNull(),
  targetCiphertext: text("target_ciphertext").notNull(),
  /** What pages show of the target: scheme and host of a URL, the masked addresses of an email. */
  targetMasked: text("target_masked").notNull(),
  secretCiphertext: text("secret_ciphertext"),
  events: text("events").array().$type<AlertKind[]>().notNull(),
  /** Only events of sessions with one of these labels reach the channel; empty: every session's (and the console's). */
  labels: text("labels")
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  paused: boolean("paused").notNull().default(false),
  createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export type AlertChannel = typeof alertChannels.$inferSelect;

export const alertDeliveryStatusEnum = pgEnum("alert_delivery_status", ["pending", "delivered", "failed"]);
export type AlertDeliveryStatus = (typeof alertDeliveryStatusEnum.enumValues)[number];

/** One event to one channel; its id is the stable webhook-id receivers dedupe by. */
export const alertDeliveries = pgTable(
  "alert_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: bigint("event_id", { mode: "number" })
      .notNull()
      .references(() => alertEvents.id, { onDelete: "cascade" }),
    channelId: uuid("channel_id")
      .notNull()
      .references(() => alertChannels.id, { onDelete: "cascade" }),
    /** Copied from the event so the per-session order is one index away. */
    sessionId: uuid("session_id"),
    status: alertDeliveryStatusEnum("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    /** Held by a sender until then; a crashed sender's claim lapses. */
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    /** Retries stop after this; a redelivery moves it. */
    giveUpAt: timestamp("give_up_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("alert_deliveries_event_channel_key").on(t.eventId, t.channelId),
    index("alert_deliveries_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    index("alert_deliveries_channel_idx").on(t.channelId, t.createdAt),
    index("alert_deliveries_order_idx").on(t.channelId, t.sessionId, t.eventId),
  ],
);

export type AlertDelivery = typeof alertDeliveries.$inferSelect;
