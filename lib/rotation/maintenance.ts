import type { Db } from "@/db";
import { pruneSessionEvents } from "@/db/queries/session-event-retention";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { retryDueRevocations } from "@/lib/revocation/retry";
import { connectionManager, type ConnectionManager } from "@/lib/telegram/connection/manager";
import { recoverLoginFlows } from "@/lib/telegram/login/recover";
import { loadKeyRing } from "@/lib/vault";
import { applyRotationPolicy } from "./policy";
import { recoverRotations } from "./recover";

export type MaintenanceStats = {
  loginsClosed: number;
  rotationsClosed: number;
  revoked: number;
  rotatedByPolicy: number;
  eventsPruned: number;
};

/** One pass of the background work around sessions: abandoned logins, crashed rotations, owed logouts, the policy, old events. */
export async function maintenancePass(db: Db, manager: ConnectionManager): Promise<MaintenanceStats> {
  const ring = loadKeyRing();
  const loginsClosed = await recoverLoginFlows({ db, ring });
  const rotationsClosed = await recoverRotations({ db, ring, manager });
  const revoked = await retryDueRevocations(db, manager);
  const rotatedByPolicy = await applyRotationPolicy({ db, ring, manager });
  const eventsPruned = await pruneSessionEvents(db, env().HEALTH_EVENTS_RETENTION_DAYS);
  return { loginsClosed, rotationsClosed, revoked, rotatedByPolicy, eventsPruned };
}

const holder = globalThis as typeof globalThis & { __sessionMaintenance?: NodeJS.Timeout };

/** Runs a pass every HEALTH_MONITOR_POLL_SECONDS in this process (once, even across hot reloads). */
export function startSessionMaintenance(db: Db, manager: ConnectionManager = connectionManager()): void {
  if (holder.__sessionMaintenance) return;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const stats = await maintenancePass(db, manager);
      if (Object.values(stats).some((n) => n > 0)) log.info(stats, "session maintenance");
    } catch (error) {
      log.warn({ err: error }, "session maintenance pass failed");
    } finally {
      running = false;
    }
  };
  holder.__sessionMaintenance = setInterval(() => void tick(), env().HEALTH_MONITOR_POLL_SECONDS * 1000);
  holder.__sessionMaintenance.unref();
  void tick();
}
