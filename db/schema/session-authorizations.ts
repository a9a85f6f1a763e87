import { bigint, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { telegramAccounts } from "./telegram-accounts";
import { telegramSessions } from "./telegram-sessions";

/**
 * Which of an account's Telegram authorizations is this console session. Telegram lists a session's own
 * authorization with hash 0, so it is known by what it shows (creation time, api_id, device) and its
 * hash is learned when another console session of the account lists it.
 */
export const sessionAuthorizations = pgTable("session_authorizations", {
  sessionId: uuid("session_id")
    .primaryKey()
    .references(() => telegramSessions.id, { onDelete: "cascade" }),
  accountId: uuid("account_id")
    .notNull()
    .references(() => telegramAccounts.id, { onDelete: "cascade" }),
  hash: bigint("hash", { mode: "bigint" }),
  dateCreated: integer("date_created").notNull(),
  apiId: integer("api_id").notNull(),
  deviceModel: text("device_model").notNull(),
  seenAt: timestamp("seen_at", { withTimezone: true }).notNull().defaultNow(),
});

export type SessionAuthorization = typeof sessionAuthorizations.$inferSelect;
