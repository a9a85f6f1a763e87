import { createSecretKey, type KeyObject } from "node:crypto";
import { decodeBase64Url } from "./base64url";
import { VaultConfigError } from "./errors";

export const KEYS_VARIABLE = "SESSION_ENCRYPTION_KEYS";
export const KEY_BYTES = 32;
export const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

const formatHint = `expected "id:base64key[,id:base64key...]" with ${KEY_BYTES}-byte keys, the newest first`;

export interface VaultKey {
  readonly id: string;
  /** A KeyObject, so logging or serialising the ring never prints the key bytes. */
  readonly key: KeyObject;
}

export interface KeyRing {
  /** The newest key: it encrypts. */
  readonly current: VaultKey;
  /** Every configured key, the newest included: any of them decrypts. */
  readonly byId: ReadonlyMap<string, VaultKey>;
}

/**
 * Parses the key ring format of SESSION_ENCRYPTION_KEYS:
 *
 *     SESSION_ENCRYPTION_KEYS=k2:BASE64KEY,k1:BASE64KEY
 *
 * - Entries are `id:key`, separated by commas; spaces around entries, ids and keys are ignored.
 * - `id` matches /^[A-Za-z0-9_-]{1,32}$/ and is unique in the list. It is stored in every envelope,
 *   so an id must never be reused for a different key.
 * - `key` is exactly 32 random bytes written as base64 or base64url, padding optional
 *   (`openssl rand -base64 32` makes one).
 * - The FIRST entry is the newest key and encrypts; every listed key decrypts. Rotating is: put a new
 *   entry in front, restart, run `npm run keys -- rotate`, then remove keys nothing uses any more.
 *
 * `source` names the variable or file in error messages; messages never contain key material.
 */
export function parseKeyRing(spec: string, source: string = KEYS_VARIABLE): KeyRing {
  if (spec.trim() === "") throw new VaultConfigError(`${source} is empty; ${formatHint}`);
  const keys = spec.split(",").map((entry, index) => parseEntry(entry.trim(), `${source}: entry ${index + 1}`));

  const byId = new Map<string, VaultKey>();
  for (const key of keys) {
    if (byId.has(key.id)) throw new VaultConfigError(`${source}: key id "${key.id}" is listed twice`);
    byId.set(key.id, key);
  }
  // split() always yields at least one entry, and each one parsed.
  return { current: keys[0]!, byId };
}

function parseEntry(entry: string, where: string): VaultKey {
  if (entry === "") throw new VaultConfigError(`${where} is empty; ${formatHint}`);
  const colon = entry.indexOf(":");
  if (colon < 0) throw new VaultConfigError(`${where} has no "id:" prefix; ${formatHint}`);

  const id = entry.slice(0, colon).trim();
  if (!KEY_ID_PATTERN.test(id)) {
    throw new VaultConfigError(`${where} has an invalid id; ids are 1-32 letters, digits, "_" or "-"`);
  }
  const bytes = decodeKey(entry.slice(colon + 1).trim());
  if (!bytes) throw new VaultConfigError(`${where}: key "${id}" is not valid base64 or base64url`);
  if (bytes.length !== KEY_BYTES) {
    throw new VaultConfigError(
      `${where}: key "${id}" is ${bytes.length} bytes; keys must be exactly ${KEY_BYTES} bytes (openssl rand -base64 ${KEY_BYTES})`,
    );
  }
  return { id, key: createSecretKey(bytes) };
}

function decodeKey(text: string): Buffer | undefined {
  const unpadded = text
    .replace(/={1,2}$/, "")
    .replace(/\+/g, "-")
    .replace(/\//g, "_");
  return decodeBase64Url(unpadded);
}
