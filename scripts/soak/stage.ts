import { randomBytes } from "node:crypto";
import { startSandboxProcess, type SandboxProcess } from "@/scripts/bench/sandbox-process";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { createBenchCredentials } from "../bench/api/credentials";
import { startNextServer, type RunningServer } from "../bench/api/next-server";
import type { SoakConfig } from "./config";
import { seedMonitoredSessions } from "./seed";

/** Everything the soak runs against; `stop()` ends the server and sandbox and drops the database. */
export type SoakStage = {
  database: TestDatabase;
  sandbox: SandboxProcess;
  server: RunningServer;
  seededIds: string[];
  readToken: string;
  adminToken: string;
  metricsToken: string;
  stop(): Promise<void>;
};

/**
 * A sandbox DC in its own process, a fresh Postgres database (tsc_soak_<pid>, through the Neon driver and relay),
 * `config.sessions` seeded sessions, and the production build under `next start` with the health monitor in-process.
 */
export async function startSoakStage(config: SoakConfig): Promise<SoakStage> {
  const cleanups: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse())
      await cleanup().catch((error: unknown) => console.error("soak: cleanup failed:", error));
  };
  try {
    process.env.SESSION_ENCRYPTION_KEYS ??= `soak:${randomBytes(32).toString("base64")}`;
    const sandbox = await startSandboxProcess();
    cleanups.push(() => sandbox.stop());
    process.env.TELEGRAM_SANDBOX_URL = sandbox.info.control;
    const database = await createTestDatabase("postgres", `tsc_soak_${process.pid}`);
    cleanups.push(() => database.close());
    const seededIds = await seedMonitoredSessions(database.db, config.sessions, config.healthCheckIntervalSeconds);
    const reader = await createBenchCredentials(database.db, "read");
    const admin = await createBenchCredentials(database.db, "admin");
    const metricsToken = randomBytes(24).toString("base64url");
    const server = await startNextServer({
      DATABASE_URL: database.url ?? "",
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      AUTH_TRUST_HOST: "true",
      SESSION_ENCRYPTION_KEYS: process.env.SESSION_ENCRYPTION_KEYS,
      REQUIRE_ADMIN_MFA: "off",
      TELEGRAM_SANDBOX_URL: sandbox.info.control,
      HEALTH_MONITOR: "on",
      HEALTH_CHECK_INTERVAL_SECONDS: String(config.healthCheckIntervalSeconds),
      METRICS_TOKEN: metricsToken,
    });
    cleanups.push(() => server.stop());
    return {
      database,
      sandbox,
      server,
      seededIds,
      readToken: reader.token,
      adminToken: admin.token,
      metricsToken,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
