import { readOrCreateSecret } from "@/lib/env/data-dir";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

let cached: string | undefined;

/**
 * The key that signs and encrypts sign-in cookies. With the embedded database it may be generated into the
 * data folder; with an external database it must come from configuration, so every instance shares it.
 */
export function authSecret(): string {
  cached ??= resolve();
  return cached;
}

function resolve(): string {
  const { AUTH_SECRET, DATABASE_URL } = env();
  if (AUTH_SECRET) return AUTH_SECRET;
  if (DATABASE_URL) {
    throw new Error(
      "AUTH_SECRET is not set. It is required when DATABASE_URL is set; generate one with `openssl rand -base64 32`.",
    );
  }
  const { value, created } = readOrCreateSecret("auth-secret", 32);
  if (created) log.info("AUTH_SECRET was not set: generated one into the data folder (file auth-secret)");
  return value;
}
