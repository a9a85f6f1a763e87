import type { DbOrTx } from "@/db";
import { secondsSinceLastBeat } from "@/db/queries/monitor-heartbeats";
import { env } from "@/lib/env";

export type MonitorStatus = "alive" | "stale" | "off";

/**
 * "alive": some monitor beat within three poll intervals (at least a minute); "stale": monitors beat
 * once but none lately (crashed or stuck); "off": none is registered (all disabled or stopped cleanly).
 */
export async function monitorStatus(
  db: DbOrTx,
  pollSeconds = env().HEALTH_MONITOR_POLL_SECONDS,
): Promise<MonitorStatus> {
  const ago = await secondsSinceLastBeat(db);
  if (ago === null) return "off";
  return ago <= Math.max(60, 3 * pollSeconds) ? "alive" : "stale";
}
