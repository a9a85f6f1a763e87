import type { RotationStep } from "@/db/schema";

export type CrashPoint = RotationStep | "logged_out";

/**
 * Test-only: with ROTATION_CRASH_AT=<step> the process SIGKILLs itself right after that step is
 * persisted, as kill -9 would (tests/rotation). Inert unless the variable is set.
 */
export function crashPoint(step: CrashPoint): void {
  if (process.env.ROTATION_CRASH_AT === step) process.kill(process.pid, "SIGKILL");
}
