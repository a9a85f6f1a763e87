import { randomBytes } from "node:crypto";
import { afterAll } from "vitest";
import { removeDir, startTestSandbox as startSandboxInTempDir, type TestSandbox } from "@/sandbox/test/helpers";
import type { SandboxOptions } from "@/sandbox/sandbox";

/** A real sandbox DC in a temporary folder (limits shortened if given), with a cleanup that closes it and removes the folder. */
export async function startTestSandbox(
  options: Partial<SandboxOptions> = {},
): Promise<TestSandbox & { cleanup(): Promise<void> }> {
  const sandbox = await startSandboxInTempDir(options);
  return Object.assign(sandbox, {
    async cleanup() {
      await sandbox.close();
      removeDir(sandbox.dataDir);
    },
  });
}

/**
 * A sandbox DC (`options` as for startTestSandbox) with the console under test pointed at it: a fresh vault key and `settings` in process.env (call
 * at a file's top level, before anything reads env()). The sandbox is closed after the file.
 */
export async function startConsoleSandbox(
  settings: Record<string, string> = {},
  options: Partial<SandboxOptions> = {},
) {
  const sandbox = await startTestSandbox(options);
  Object.assign(process.env, {
    TELEGRAM_SANDBOX_URL: sandbox.info.control,
    SESSION_ENCRYPTION_KEYS: `test:${randomBytes(32).toString("base64")}`,
    ...settings,
  });
  afterAll(() => sandbox.cleanup());
  return sandbox;
}

/** Deadlines that end a stalled connection or request in a second, for the health and transport-fault suites. */
export const shortDeadlines = { TELEGRAM_CONNECT_TIMEOUT_MS: "1000", TELEGRAM_REQUEST_TIMEOUT_MS: "1000" };

/** DC-2 test numbers counting up from `first` (files keep theirs apart). */
export function testPhones(first: number): () => string {
  let seq = 0;
  return () => `999662${String(first + ++seq).padStart(4, "0")}`;
}
