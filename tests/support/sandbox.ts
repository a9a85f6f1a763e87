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
 * Points the console under test at the sandbox with a fresh vault key and the given settings, closes the
 * sandbox after the file, and hands out DC-2 test numbers counting up from `first` (files keep theirs apart).
 */
export function consoleOnSandbox(
  sandbox: { info: { control: string }; cleanup(): Promise<void> },
  settings: Record<string, string>,
  first: number,
): () => string {
  Object.assign(process.env, {
    TELEGRAM_SANDBOX_URL: sandbox.info.control,
    SESSION_ENCRYPTION_KEYS: `test:${randomBytes(32).toString("base64")}`,
    ...settings,
  });
  afterAll(() => sandbox.cleanup());
  let seq = 0;
  return () => `999662${String(first + ++seq).padStart(4, "0")}`;
}

/**
 * A sandbox DC and the configuration the connection manager reads (set before anything reads env()).
 * Short timeouts keep transport-fault tests fast.
 */
export async function startHealthSandbox() {
  const sandbox = await startTestSandbox();
  process.env.TELEGRAM_SANDBOX_URL = sandbox.info.control;
  process.env.TELEGRAM_CONNECT_TIMEOUT_MS = "1000";
  process.env.TELEGRAM_REQUEST_TIMEOUT_MS = "1000";
  process.env.SESSION_ENCRYPTION_KEYS ??= `test:${randomBytes(32).toString("base64")}`;
  return sandbox;
}
