import { randomBytes } from "node:crypto";
import { startTestSandbox } from "@/tests/support/sandbox";

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
