import { databaseHandle } from "@/db";
import { startBackgroundWork } from "@/lib/background";
import { env, usesEmbeddedDatabase } from "@/lib/env";
import { log } from "@/lib/log";
import { serveMetrics } from "@/lib/metrics/serve";
import { loadKeyRing } from "@/lib/vault";

/**
 * `npm run worker`: one more health monitor process. It shares the work with the console and other
 * workers through the database (SKIP LOCKED claims, session leases), so it needs a shared Postgres.
 */
async function main(): Promise<void> {
  const { WORKER_METRICS_PORT, WORKER_METRICS_HOST, METRICS_TOKEN } = env();
  if (usesEmbeddedDatabase())
    return refuse("npm run worker needs DATABASE_URL: the embedded database belongs to the console process alone.");
  if (WORKER_METRICS_PORT && !METRICS_TOKEN)
    return refuse("WORKER_METRICS_PORT needs METRICS_TOKEN: the worker's metrics are opened by that token only.");
  loadKeyRing();
  const handle = await databaseHandle();
  const background = startBackgroundWork(handle.db);
  const metrics =
    WORKER_METRICS_PORT && METRICS_TOKEN
      ? serveMetrics(
          handle.db,
          background.manager,
          { port: WORKER_METRICS_PORT, host: WORKER_METRICS_HOST },
          METRICS_TOKEN,
        )
      : undefined;
  const stop = async (signal: string) => {
    log.info({ signal }, "worker stopping: finishing the checks in progress");
    metrics?.close();
    await background.stop();
    await background.manager.closeAll();
    await handle.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}

function refuse(message: string): never {
  console.error(message);
  process.exit(2);
}

main().catch((error: unknown) => {
  log.fatal({ err: error }, "the worker cannot start");
  process.exit(1);
});
