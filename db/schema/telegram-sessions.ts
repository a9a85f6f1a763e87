import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { telegramAccounts } from "./telegram-accounts";
import { users } from "./users";

export const sessionStatusEnum = pgEnum("session_status", [
  "active",
  "degraded",
  "invalid",
  "revoke_pending",
  "revoked",
  "frozen",
  "banned",
  "deactivated",
]);
export type SessionStatus = (typeof sessionStatusEnum.enumValues)[number];

/** Telegram refuses the key or the account for good: the session is never checked again, only revoked or forgotten. */
export const deadStatuses: SessionStatus[] = ["invalid", "banned", "deactivated"];

/** A session the console may work with: checked, invoked, counted among the account's sessions (frozen reads). */
export const usableStatuses: SessionStatus[] = ["active", "degraded", "frozen"];

/** One of the account's restriction reasons (its own user.restriction_reason). */
export type RestrictionReason = { platform: string; reason: string; text: string };

export const telegramSessions = pgTable(
  "telegram_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => telegramAccounts.id, { onDelete: "cascade" }),
    status: sessionStatusEnum("status").notNull().default("active"),
    /** Vault envelope of the StringSession; null once revoked (destroyed). */
    sessionCiphertext: text("session_ciphertext"),
    /**
     * Vault envelope of the server salt the last connection used (GramJS's StringSession keeps none): the next
     * connection starts with it instead of paying a bad_server_salt round trip. Null until learned, and once revoked.
     */
    serverSaltCiphertext: text("server_salt_ciphertext"),
    /** Set when the ciphertext does not decrypt with any configured key. */
    decryptFailed: boolean("decrypt_failed").notNull().default(false),
    dcId: integer("dc_id").notNull(),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    lastCheckAt: timestamp("last_check_at", { withTimezone: true }),
    nextCheckAt: timestamp("next_check_at", { withTimezone: true }).notNull().defaultNow(),
    authFailures: integer("auth_failures").notNull().default(0),
    rateLimitHits: integer("rate_limit_hits").notNull().default(0),
    floodWaitUntil: timestamp("flood_wait_until", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    /** Telegram's authorization_ttl_days for the account, read now and then to forecast expiresAt. */
    authorizationTtlDays: integer("authorization_ttl_days"),
    ttlCheckedAt: timestamp("ttl_checked_at", { withTimezone: true }),
    lastLatencyMs: integer("last_latency_ms"),
    lastError: text("last_error"),
    /** While the account is frozen (help.getAppConfig's freeze_*): since when, its deletion deadline, the appeal link. */
    frozenSince: timestamp("frozen_since", { withTimezone: true }),
    frozenUntil: timestamp("frozen_until", { withTimezone: true }),
    freezeAppealUrl: text("freeze_appeal_url"),
    /** The account's restriction reasons as its last check read them; null when it is not restricted. */
    restrictions: jsonb("restrictions").$type<RestrictionReason[]>(),
    rotatedFromId: uuid("rotated_from_id").references((): AnyPgColumn => telegramSessions.id, { onDelete: "set null" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedReason: text("revoked_reason"),
    revokedBy: text("revoked_by"),
    leaseOwner: text("lease_owner"),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    /** Free-form tags set at import, filterable in the list. */
    labels: text("labels")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Hex of the auth key id (SHA-1 tail of the key, sent in clear with every MTProto message): finds a key imported twice. */
    authKeyId: text("auth_key_id"),
    /** Imported without take-over: the key may still be used where it came from, until the session is rotated. */
    sharedKey: boolean("shared_key").notNull().default(false),
  },
  (t) => [
    index("telegram_sessions_status_idx").on(t.status, t.createdAt),
    index("telegram_sessions_next_check_idx").on(t.nextCheckAt),
    // The monitor's due query, in due order: every session but the ended ones (dead ones are few). Named by the
    // statuses it leaves out, as a migration may not use an enum value it adds in the same transaction.
    index("telegram_sessions_due_idx")
      .on(t.nextCheckAt)
      .where(sql`${t.status} not in ('invalid', 'revoke_pending', 'revoked')`),
    index("telegram_sessions_account_idx").on(t.accountId),
    index("telegram_sessions_auth_key_id_idx").on(t.authKeyId),
    index("telegram_sessions_labels_idx").using("gin", t.labels),
  ],
);

export type TelegramSession = typeof telegramSessions.$inferSelect;
