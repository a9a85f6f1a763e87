import { createHash, randomBytes } from "node:crypto";

const apiTokenPrefix = "tsc_";
/** "tsc_" and 32 random bytes in base64url. */
const apiTokenPattern = /^tsc_[\w-]{43}$/;

/** Hex SHA-256: enough for high-entropy random tokens, which need no slow hash. */
export function sha256Hex(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export function hashApiToken(token: string): string {
  return sha256Hex(token);
}

/** A new API token: the token is shown once, only the hash is stored, the prefix tells tokens apart. */
export function generateApiToken(): { token: string; hash: string; prefix: string } {
  const token = apiTokenPrefix + randomBytes(32).toString("base64url");
  return { token, hash: hashApiToken(token), prefix: token.slice(0, apiTokenPrefix.length + 6) };
}

export function looksLikeApiToken(value: string): boolean {
  return apiTokenPattern.test(value);
}
