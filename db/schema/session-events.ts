import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { telegramSessions } from "./telegram-sessions";

export const sessionEvents = pgTable(
  "session_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => telegramSessions.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    detail: jsonb("detail").$type<Record<string, unknown>>(),
    latencyMs: integer("latency_ms"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("session_events_session_idx").on(t.sessionId, t.id),
    // History bars, latency charts and rate-limit history read one kind of a session's events.
    index("session_events_session_kind_idx").on(t.sessionId, t.kind, t.id),
  ],
);

export type SessionEvent = typeof sessionEvents.$inferSelect;
