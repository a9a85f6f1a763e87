import { usesEmbeddedDatabase } from "@/lib/env";
import { dataPath, readOrCreateSecret } from "@/lib/env/data-dir";
import { log } from "@/lib/log";
import { VaultConfigError } from "./errors";
import { KEY_BYTES, KEYS_VARIABLE, parseKeyRing, type KeyRing } from "./key-ring";

/**
 * Generated on the embedded default only. To keep its rows readable after setting SESSION_ENCRYPTION_KEYS,
 * list it last as `local:<contents of this file>` and run the rotation.
 */
export const GENERATED_KEY_FILE = "session-encryption.key";
const GENERATED_KEY_ID = "local";

let loaded: KeyRing | undefined;

/**
 * The process's key ring, read once. SESSION_ENCRYPTION_KEYS wins when set. Without it, the embedded
 * database uses a key generated into the data folder on first start; an external database (DATABASE_URL)
 * refuses to start. Bad configuration throws VaultConfigError.
 */
export function loadKeyRing(): KeyRing {
  loaded ??= readKeyRing();
  return loaded;
}

function readKeyRing(): KeyRing {
  const configured = process.env[KEYS_VARIABLE]?.trim();
  if (configured) return parseKeyRing(configured);

  if (!usesEmbeddedDatabase()) {
    throw new VaultConfigError(
      `${KEYS_VARIABLE} is required when DATABASE_URL is set: give it as "k1:<${KEY_BYTES} random bytes in base64>" ` +
        `(openssl rand -base64 ${KEY_BYTES}); the newest key goes first`,
    );
  }
  const file = dataPath(GENERATED_KEY_FILE);
  const { value, created } = readOrCreateSecret(GENERATED_KEY_FILE, KEY_BYTES);
  if (created) {
    log.warn(
      { file },
      `${KEYS_VARIABLE} is not set: generated a session encryption key in the data folder. ` +
        "Back it up with the database; without it stored Telegram sessions cannot be read",
    );
  }
  return parseKeyRing(`${GENERATED_KEY_ID}:${value}`, file);
}
