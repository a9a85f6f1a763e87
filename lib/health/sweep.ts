import type { DbOrTx } from "@/db";
import { releaseLease } from "@/db/queries/session-leases";
import { log } from "@/lib/log";
import type { ConnectionManager } from "@/lib/telegram/connection/manager";
import { checkSession, type CheckResult } from "./check";
import { claimDueCheck } from "./claimed-check";
import type { HealthConfig } from "./config";

export type SweepStats = { checked: number; results: Partial<Record<CheckResult["result"], number>>; errors: number };

/**
 * Checks every session that is due, `config.concurrency` at a time: each worker claims the most overdue
 * free session (SKIP LOCKED, by taking its lease), checks it, and claims the next, until none is due.
 */
export async function sweep(
  db: DbOrTx,
  manager: ConnectionManager,
  config: HealthConfig,
  shouldStop: () => boolean = () => false,
): Promise<SweepStats> {
  const stats: SweepStats = { checked: 0, results: {}, errors: 0 };
  const worker = async () => {
    while (!shouldStop()) {
      const claimed = await claimDueCheck(db, manager.owner, manager.config.leaseSeconds);
      if (!claimed) return;
      const sessionId = claimed.id;
      try {
        const { result } = await checkSession(db, sessionId, { manager, config, claimed });
        stats.results[result] = (stats.results[result] ?? 0) + 1;
        stats.checked++;
      } catch (error) {
        // Not the session's fault (database, configuration): give it back for a later sweep.
        stats.errors++;
        log.warn({ err: error, sessionId }, "health check could not run");
        await releaseLease(db, sessionId, manager.owner).catch(() => undefined);
      }
    }
  };
  await Promise.all(Array.from({ length: config.concurrency }, worker));
  return stats;
}
