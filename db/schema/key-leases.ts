import { sql } from "drizzle-orm";
import { bigint, index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { apiTokens } from "./api-tokens";
import { telegramAccounts } from "./telegram-accounts";
import { telegramSessions } from "./telegram-sessions";
import { users } from "./users";

/**
 * minting: the lease's key is being authorized (a crash here leaves a key to log out). active: handed out
 * until `expires_at`. logout_pending: released, expired or revoked; the logout at Telegram is owed and retried.
 * logged_out: done, its key destroyed.
 */
export const leaseStatusEnum = pgEnum("lease_status", ["minting", "active", "logout_pending", "logged_out"]);
export type LeaseStatus = (typeof leaseStatusEnum.enumValues)[number];

export const leaseFormats = ["gramjs", "telethon", "pyrogram"] as const;
export type LeaseFormat = (typeof leaseFormats)[number];

/** Why a lease's authorization is being (or was) logged out. */
export const leaseEndReasons = ["released", "expired", "revoked", "aborted"] as const;
export type LeaseEndReason = (typeof leaseEndReasons)[number];

/**
 * A leased key: a fresh authorization of the session's account, minted for a service and handed out once.
 * Only what logging it out needs is kept: its authorization hash (once learned) and its key, vault-encrypted
 * and bound to this row, for when Telegram's 24-hour rule keeps the console's session from ending it.
 */
export const keyLeases = pgTable(
  "key_leases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => telegramSessions.id, { onDelete: "cascade" }),
    accountId: uuid("account_id")
      .notNull()
      .references(() => telegramAccounts.id, { onDelete: "cascade" }),
    format: text("format").$type<LeaseFormat>().notNull(),
    status: leaseStatusEnum("status").notNull().default("minting"),
    dcId: integer("dc_id").notNull(),
    hash: bigint("hash", { mode: "bigint" }),
    keyCiphertext: text("key_ciphertext"),
    tokenId: uuid("token_id").references(() => apiTokens.id, { onDelete: "set null" }),
    tokenName: text("token_name"),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    actorLabel: text("actor_label").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    endReason: text("end_reason").$type<LeaseEndReason>(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endedBy: text("ended_by"),
    loggedOutAt: timestamp("logged_out_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    /** A process minting or logging out the lease holds it until then; the maintenance pass takes over after. */
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
  },
  (t) => [
    index("key_leases_session_idx").on(t.sessionId, t.createdAt),
    index("key_leases_open_idx")
      .on(t.status, t.expiresAt)
      .where(sql`${t.status} <> 'logged_out'`),
  ],
);

export type KeyLease = typeof keyLeases.$inferSelect;
