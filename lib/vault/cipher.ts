import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { additionalData, type SecretBinding } from "./binding";
import { ENVELOPE_VERSION, formatEnvelope, NONCE_BYTES, parseEnvelope, TAG_BYTES } from "./envelope-format";
import { VaultDecryptError } from "./errors";
import type { KeyRing } from "./key-ring";

const ALGORITHM = "aes-256-gcm";

/**
 * Seals a secret with the newest key under a fresh random 96-bit nonce, bound to its table, row, column
 * and key id. Random nonces stay safe far past this console's volume (NIST's limit is 2^32 per key).
 */
export function encrypt(ring: KeyRing, plaintext: string | Buffer, binding: SecretBinding): string {
  const { id, key } = ring.current;
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(additionalData(ENVELOPE_VERSION, id, binding));
  const data = typeof plaintext === "string" ? Buffer.from(plaintext, "utf8") : plaintext;
  const sealed = Buffer.concat([cipher.update(data), cipher.final(), cipher.getAuthTag()]);
  return formatEnvelope({ keyId: id, nonce, sealed });
}

/** Opens an envelope sealed from a string. Throws VaultDecryptError. */
export function decrypt(ring: KeyRing, envelope: string, binding: SecretBinding): string {
  return decryptBytes(ring, envelope, binding).toString("utf8");
}

/** Opens an envelope sealed from bytes. Throws VaultDecryptError. */
export function decryptBytes(ring: KeyRing, envelope: string, binding: SecretBinding): Buffer {
  const parsed = parseEnvelope(envelope);
  if (!parsed) throw new VaultDecryptError("malformed", binding);
  const entry = ring.byId.get(parsed.keyId);
  if (!entry) throw new VaultDecryptError("unknown-key", binding, parsed.keyId);

  const ciphertext = parsed.sealed.subarray(0, -TAG_BYTES);
  const tag = parsed.sealed.subarray(-TAG_BYTES);
  // authTagLength pins the tag to 16 bytes; without it Node accepts truncated tags.
  const decipher = createDecipheriv(ALGORITHM, entry.key, parsed.nonce, { authTagLength: TAG_BYTES });
  decipher.setAAD(additionalData(ENVELOPE_VERSION, parsed.keyId, binding));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    throw new VaultDecryptError("authentication-failed", binding, parsed.keyId);
  }
}

/** True when the envelope is not on the newest key. Throws VaultDecryptError when it is malformed. */
export function needsReencryption(ring: KeyRing, envelope: string): boolean {
  const parsed = parseEnvelope(envelope);
  if (!parsed) throw new VaultDecryptError("malformed");
  return parsed.keyId !== ring.current.id;
}

/** Opens an envelope with whichever key sealed it and seals it again with the newest key. */
export function reencrypt(ring: KeyRing, envelope: string, binding: SecretBinding): string {
  return encrypt(ring, decryptBytes(ring, envelope, binding), binding);
}
