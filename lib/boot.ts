import { databaseHandle } from "@/db";
import { startBackgroundWork } from "@/lib/background";
import { authSecret } from "@/lib/auth/cookies";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { guardConsoleErrors } from "@/lib/log/console-guard";
import { loadKeyRing } from "@/lib/vault";

/**
 * Checks configuration at start so a bad value stops the boot with a clear message instead of failing
 * on the first request, creates and migrates the embedded database before anyone needs it, and starts
 * the health monitor (unless HEALTH_MONITOR=off).
 */
export async function boot(): Promise<void> {
  guardConsoleErrors();
  try {
    env();
    authSecret();
    loadKeyRing();
    const { db } = await databaseHandle();
    // `next build` loads the server too; only a serving process watches sessions.
    if (env().HEALTH_MONITOR === "on" && process.env.NEXT_PHASE !== "phase-production-build") {
      startBackgroundWork(db);
    }
  } catch (error) {
    log.fatal({ err: error }, "the console cannot start");
    process.exit(1);
  }
}
