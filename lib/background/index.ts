import type { Db } from "@/db";
import { raiseMonitorStale } from "@/db/queries/monitor-heartbeats";
import { pruneSessionCalls, pruneSessionEvents } from "@/db/queries/session-event-retention";
import { startAlertDelivery } from "@/lib/alerts/deliver";
import { env } from "@/lib/env";
import { HealthMonitor, staleAfterSeconds } from "@/lib/health/monitor";
import { importItemHandler, importJobKind } from "@/lib/import/job";
import { startJobRunner, type JobItemHandler } from "@/lib/jobs/runner";
import { logOutDueLeases } from "@/lib/leases/logout";
import { log } from "@/lib/log";
import { retryDueRevocations } from "@/lib/revocation/retry";
import { applyRotationPolicy } from "@/lib/rotation/policy";
import { recoverRotations } from "@/lib/rotation/recover";
import type { ConnectionManager } from "@/lib/telegram/connection/manager";
import { recoverLoginFlows } from "@/lib/telegram/login/recover";
import { loadKeyRing } from "@/lib/vault";

/**
 * The work a process does besides answering requests: the health monitor, alert delivery and queued job items
 * (imports) every second, and
 * every HEALTH_MONITOR_POLL_SECONDS a maintenance pass. The console process (lib/boot.ts) and `npm run worker`
 * both start it here; any number of processes share it through the database (SKIP LOCKED claims, leases).
 */
export type BackgroundWork = {
  monitor: HealthMonitor;
  manager: ConnectionManager;
  /** Stops the maintenance timer and finishes the checks in progress. */
  stop(): Promise<void>;
};

const holder = globalThis as typeof globalThis & { __backgroundWork?: BackgroundWork };

/** Starts the background work once per process (development hot reloads run boot again). */
export function startBackgroundWork(db: Db): BackgroundWork {
  if (holder.__backgroundWork) return holder.__backgroundWork;
  const monitor = new HealthMonitor(db);
  monitor.start();
  const maintenance = startMaintenance(db, monitor.manager);
  const stopAlerts = startAlertDelivery(db);
  const stopJobs = startJobs(db, monitor.manager);
  const work: BackgroundWork = {
    monitor,
    manager: monitor.manager,
    async stop() {
      clearInterval(maintenance);
      await Promise.all([monitor.stop(), stopAlerts(), stopJobs()]);
      holder.__backgroundWork = undefined;
    },
  };
  holder.__backgroundWork = work;
  return work;
}

export type MaintenanceStats = {
  loginsClosed: number;
  rotationsClosed: number;
  revoked: number;
  leasesLoggedOut: number;
  rotatedByPolicy: number;
  eventsPruned: number;
  callsPruned: number;
  monitorStale: boolean;
};

/**
 * One pass of the background work around sessions: abandoned logins, crashed rotations, owed logouts, leases
 * past their expiry (or owed a logout), the policy, old events and calls; and monitor.stale when no health monitor
 * has beaten lately (its own may be stuck).
 */
export async function maintenancePass(db: Db, manager: ConnectionManager): Promise<MaintenanceStats> {
  const ring = loadKeyRing();
  const loginsClosed = await recoverLoginFlows({ db, ring });
  const rotationsClosed = await recoverRotations({ db, ring, manager });
  const revoked = await retryDueRevocations(db, manager);
  const leasesLoggedOut = await logOutDueLeases({ db, ring, manager });
  const rotatedByPolicy = await applyRotationPolicy({ db, ring, manager });
  const eventsPruned = await pruneSessionEvents(db, env().HEALTH_EVENTS_RETENTION_DAYS);
  const callsPruned = await pruneSessionCalls(db, env().CALL_LOG_RETENTION_DAYS);
  const monitorStale = await raiseMonitorStale(db, staleAfterSeconds());
  return {
    loginsClosed,
    rotationsClosed,
    revoked,
    leasesLoggedOut,
    rotatedByPolicy,
    eventsPruned,
    callsPruned,
    monitorStale,
  };
}

/** The handler of each kind of job item (GET /api/v1/jobs/{id} shows their results). */
export function jobHandlers(db: Db, manager: ConnectionManager): Record<string, JobItemHandler> {
  return { [importJobKind]: importItemHandler({ db, ring: loadKeyRing(), manager }) };
}

/** Job items are claimed under a lease well past a rotation's own hold, so a live process keeps its items. */
export const jobLeaseSeconds = (manager: ConnectionManager) => manager.config.leaseSeconds * 3;

/** Runs queued job items (imports) every second, a few at a time, alongside the other processes. */
function startJobs(db: Db, manager: ConnectionManager): () => Promise<void> {
  return startJobRunner(db, () => jobHandlers(db, manager), { leaseSeconds: jobLeaseSeconds(manager) });
}

/** Runs a pass now and every HEALTH_MONITOR_POLL_SECONDS, never two at once. */
function startMaintenance(db: Db, manager: ConnectionManager): NodeJS.Timeout {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const stats = await maintenancePass(db, manager);
      if (Object.values(stats).some((n) => n !== 0 && n !== false)) log.info(stats, "session maintenance");
    } catch (error) {
      log.warn({ err: error }, "session maintenance pass failed");
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), env().HEALTH_MONITOR_POLL_SECONDS * 1000);
  timer.unref();
  void tick();
  return timer;
}
