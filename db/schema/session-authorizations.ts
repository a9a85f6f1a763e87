import { bigint, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { telegramAccounts } from "./telegram-accounts";
import { telegramSessions } from "./telegram-sessions";

/**
 * The hash of a console session's Telegram authorization, once positively known. A session sees its own
 * authorization as hash 0, so its hash is learned from another console session of the account; any
 * authorization of the account not recorded here (or listed as `current`) is foreign.
 */
export const sessionAuthorizations = pgTable("session_authorizations", {
  sessionId: uuid("session_id")
    .primaryKey()
    .references(() => telegramSessions.id, { onDelete: "cascade" }),
  accountId: uuid("account_id")
    .notNull()
    .references(() => telegramAccounts.id, { onDelete: "cascade" }),
  hash: bigint("hash", { mode: "bigint" }).notNull(),
  seenAt: timestamp("seen_at", { withTimezone: true }).notNull().defaultNow(),
});

export type SessionAuthorization = typeof sessionAuthorizations.$inferSelect;
