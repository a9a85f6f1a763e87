import type { CheckResultKind } from "@/db/schema/session-events";
import type { SessionEventItem } from "@/lib/api/schemas/session-events";

/** One health check as the history bar and the latency chart read it from its event. */
export type CheckPoint = {
  id: number;
  at: string;
  result: CheckResultKind | "unknown";
  latencyMs: number | null;
  errorCode: string | null;
};

const results: CheckResultKind[] = ["ok", "frozen", "degraded", "invalid", "flood_wait", "busy", "error"];

export function checkPoint(event: SessionEventItem): CheckPoint {
  const result = event.detail?.result;
  const errorCode = event.detail?.errorCode;
  return {
    id: event.id,
    at: event.at,
    result: results.includes(result as CheckResultKind) ? (result as CheckResultKind) : "unknown",
    latencyMs: event.latencyMs,
    errorCode: typeof errorCode === "string" ? errorCode : null,
  };
}

export const resultLabels: Record<CheckPoint["result"], string> = {
  ok: "OK",
  frozen: "Frozen",
  degraded: "Degraded",
  invalid: "Invalid",
  flood_wait: "Flood wait",
  busy: "Busy",
  error: "Error",
  unknown: "Unknown",
};

export const resultColours: Record<CheckPoint["result"], string> = {
  ok: "bg-emerald-500 dark:bg-emerald-500",
  frozen: "bg-cyan-600 dark:bg-cyan-500",
  degraded: "bg-amber-400 dark:bg-amber-500",
  invalid: "bg-red-600 dark:bg-red-500",
  flood_wait: "bg-violet-500 dark:bg-violet-400",
  busy: "bg-zinc-400 dark:bg-zinc-500",
  error: "bg-red-400 dark:bg-red-400",
  unknown: "bg-zinc-300 dark:bg-zinc-600",
};
