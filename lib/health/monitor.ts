import { hostname } from "node:os";
import type { DbOrTx } from "@/db";
import { beat, pruneHeartbeats, removeHeartbeat, secondsSinceLastBeat } from "@/db/queries/monitor-heartbeats";
import { claimDueCheck } from "@/db/queries/session-health";
import { releaseLease } from "@/db/queries/session-leases";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { connectionManager, type ConnectionManager } from "@/lib/telegram/connection/manager";
import { telegramTarget } from "@/lib/telegram/target";
import { checkSession, type CheckResult } from "./check";
import { healthConfig, type HealthConfig } from "./config";

const monitorLog = log.child({ component: "health-monitor" });
const forgetAfterSeconds = 86_400;

/**
 * Sweeps due sessions every poll interval (jittered) and beats a heartbeat row while it runs, also during
 * long sweeps. Any number of monitors (console processes, `npm run worker`) share the work through SKIP LOCKED.
 */
export class HealthMonitor {
  private stopping = false;
  private loop: Promise<void> | undefined;
  private checks = 0;
  private wake: (() => void) | undefined;
  private telegramMissing = false;

  constructor(
    private readonly db: DbOrTx,
    readonly manager: ConnectionManager = connectionManager(),
    readonly config: HealthConfig = healthConfig(),
  ) {}

  start(): void {
    this.loop ??= this.run();
  }

  /** Finishes the checks in progress, then removes this monitor's heartbeat. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    await removeHeartbeat(this.db, this.manager.owner).catch(() => undefined);
  }

  /** One sweep over every due session (the benchmark and tests call this directly). */
  async sweepOnce(): Promise<SweepStats> {
    const beating = setInterval(() => void this.beat(), this.config.pollSeconds * 1000);
    try {
      const stats = await sweep(this.db, this.manager, this.config, () => this.stopping);
      this.checks += stats.checked;
      return stats;
    } finally {
      clearInterval(beating);
    }
  }

  private async run(): Promise<void> {
    monitorLog.info(
      { owner: this.manager.owner, intervalSeconds: this.config.intervalSeconds },
      "health monitor started",
    );
    while (!this.stopping) {
      try {
        await this.beat();
        if (await this.telegramReady()) await this.sweepOnce();
      } catch (error) {
        monitorLog.error({ err: error }, "health sweep failed");
      }
      await this.pause(this.config.pollSeconds * 1000 * (0.8 + 0.4 * Math.random()));
    }
  }

  private async beat(): Promise<void> {
    await beat(this.db, this.manager.owner, { host: hostname(), pid: process.pid, checks: this.checks });
    await pruneHeartbeats(this.db, forgetAfterSeconds);
  }

  /** Without a Telegram target (or with the sandbox down) a sweep would only fail every session's check. */
  private async telegramReady(): Promise<boolean> {
    try {
      await telegramTarget();
      if (this.telegramMissing) monitorLog.info("Telegram is reachable again: checks resume");
      this.telegramMissing = false;
      return true;
    } catch (error) {
      if (!this.telegramMissing) monitorLog.warn({ err: error }, "no Telegram target: checks wait");
      this.telegramMissing = true;
      return false;
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

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
  return ago <= staleAfterSeconds(pollSeconds) ? "alive" : "stale";
}

/** How long every monitor may be silent before they are called stale: three poll intervals, at least a minute. */
export const staleAfterSeconds = (pollSeconds = env().HEALTH_MONITOR_POLL_SECONDS) => Math.max(60, 3 * pollSeconds);
