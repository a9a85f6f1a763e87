import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { telegramSessions, type SessionStatus } from "./telegram-sessions";

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

/**
 * What the connection manager and the monitor write to session_events (the pages read these):
 * - "connection": a connection state change; latencyMs is the connect time for "connected". The monitor's
 *   brief connections (connect, probe, disconnect) write these only when something goes wrong.
 * - "check": one health check; latencyMs is the probe request's time; `from`/`to` show a state change,
 *   and a failure keeps its evidence (error code, class and time).
 * - "flood_wait": Telegram's FLOOD_WAIT for a method, with the wait's end.
 */
export type ConnectionState = "connected" | "reconnecting" | "disconnected" | "failed";

export type ConnectionEventDetail = {
  state: ConnectionState;
  attempt?: number;
  delayMs?: number;
  errorCode?: string;
  reason?: "idle" | "done" | "error" | "lease_lost" | "shutdown";
  connectedForMs?: number;
};

export type CheckResultKind = "ok" | "frozen" | "degraded" | "invalid" | "flood_wait" | "busy" | "error";

export type CheckEventDetail = {
  result: CheckResultKind;
  from: SessionStatus;
  to: SessionStatus;
  connectMs: number | null;
  requestMs: number | null;
  errorClass?: "terminal" | "flood" | "transient" | "refused" | "busy" | "decrypt";
  errorCode?: string;
  /** When Telegram gave the answer that decided this check (the evidence of an invalid session). */
  at: string;
  method: string;
};

export type FloodWaitEventDetail = { method: string; seconds: number; until: string };

export type SessionEventKind = "connection" | "check" | "flood_wait";
