import { databaseHandle } from "@/db";
import { authSecret } from "@/lib/auth/secret";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { loadKeyRing } from "@/lib/vault";

/**
 * Checks configuration at start so a bad value stops the boot with a clear message instead of failing
 * on the first request, and creates and migrates the embedded database before anyone needs it.
 */
export async function boot(): Promise<void> {
  try {
    env();
    authSecret();
    loadKeyRing();
    await databaseHandle();
  } catch (error) {
    log.fatal({ err: error instanceof Error ? { message: error.message } : String(error) }, "the console cannot start");
    process.exit(1);
  }
}
