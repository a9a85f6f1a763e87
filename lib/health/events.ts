import type { SessionStatus } from "@/db/schema";

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

export type CheckResultKind = "ok" | "degraded" | "invalid" | "flood_wait" | "busy" | "error";

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
