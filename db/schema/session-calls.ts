import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { apiTokens } from "./api-tokens";
import { telegramSessions } from "./telegram-sessions";

/**
 * One Telegram call a service made through `POST /api/v1/sessions/{id}/invoke`: who asked, what, how it ended
 * and how long it took. The parameters are kept only when the token asks for it (`logParams`). Pruned after
 * CALL_LOG_RETENTION_DAYS by the maintenance pass.
 */
export const sessionCalls = pgTable(
  "session_calls",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => telegramSessions.id, { onDelete: "cascade" }),
    tokenId: uuid("token_id").references(() => apiTokens.id, { onDelete: "set null" }),
    /** The member's email or `token:<name>`, kept when the token is gone. */
    actorLabel: text("actor_label").notNull(),
    method: text("method").notNull(),
    /** "ok", or the API error code the caller got (telegram_refused, rate_limited, …). */
    outcome: text("outcome").notNull(),
    /** Telegram's error name when Telegram refused (PEER_ID_INVALID). */
    telegramError: text("telegram_error"),
    latencyMs: integer("latency_ms").notNull(),
    params: jsonb("params"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("session_calls_session_idx").on(t.sessionId, t.id)],
);

export type SessionCall = typeof sessionCalls.$inferSelect;
