import { databaseHandle } from "@/db";
import { env, usesEmbeddedDatabase } from "@/lib/env";
import { HealthMonitor } from "@/lib/health/monitor";
import { log } from "@/lib/log";
import { startSessionMaintenance } from "@/lib/rotation/maintenance";
import { loadKeyRing } from "@/lib/vault";

/**
 * `npm run worker`: one more health monitor process. It shares the work with the console and other
 * workers through the database (SKIP LOCKED claims, session leases), so it needs a shared Postgres.
 */
async function main(): Promise<void> {
  env();
  if (usesEmbeddedDatabase()) {
    console.error("npm run worker needs DATABASE_URL: the embedded database belongs to the console process alone.");
    process.exit(2);
  }
  loadKeyRing();
  const handle = await databaseHandle();
  const monitor = new HealthMonitor(handle.db);
  monitor.start();
  startSessionMaintenance(handle.db, monitor.manager);
  const stop = async (signal: string) => {
    log.info({ signal }, "worker stopping: finishing the checks in progress");
    await monitor.stop();
    await monitor.manager.closeAll();
    await handle.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  log.fatal({ err: error instanceof Error ? error.message : String(error) }, "the worker cannot start");
  process.exit(1);
});
