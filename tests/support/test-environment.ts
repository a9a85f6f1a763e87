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
    // Suites act as admins without a second factor; lib/auth/request-actor.test.ts tests the policy itself.
    REQUIRE_ADMIN_MFA: "off",
    ...(sandboxControlUrl ? { TELEGRAM_SANDBOX_URL: sandboxControlUrl } : {}),
  });
  return secret;
}
