import { randomBytes } from "node:crypto";

/**
 * Configuration for suites that call route handlers in-process: a fresh AUTH_SECRET (returned, for minting
 * cookies), an encryption key ring and the sandbox DC when given. Call before any handler runs:
 * the configuration is read once per process.
 */
export function configureTestEnvironment(sandboxControlUrl?: string): string {
  const secret = randomBytes(32).toString("base64url");
  Object.assign(process.env, {
    AUTH_SECRET: secret,
    SESSION_ENCRYPTION_KEYS: `test:${randomBytes(32).toString("base64")}`,
    ...(sandboxControlUrl ? { TELEGRAM_SANDBOX_URL: sandboxControlUrl } : {}),
  });
  return secret;
}
