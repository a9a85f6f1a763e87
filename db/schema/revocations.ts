import { integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { telegramSessions } from "./telegram-sessions";
import { users } from "./users";

/** A logout at Telegram still owed for a revoke_pending session; retried with backoff until it succeeds. */
export const sessionRevocations = pgTable("session_revocations", {
  sessionId: uuid("session_id")
    .primaryKey()
    .references(() => telegramSessions.id, { onDelete: "cascade" }),
  /** "revoked" (an admin or the policy) or "rotated" (the old half of a rotation). */
  reason: text("reason").notNull(),
  actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
  actorLabel: text("actor_label").notNull(),
  attempts: integer("attempts").notNull().default(0),
  nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
  lastError: text("last_error"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export type SessionRevocation = typeof sessionRevocations.$inferSelect;
