import { decodeBase64Url } from "./base64url";
import { KEY_ID_PATTERN } from "./key-ring";

export const ENVELOPE_VERSION = "v1";
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;

/** A stored secret: `v1.<keyId>.<base64url nonce>.<base64url ciphertext followed by the GCM tag>`. */
export interface Envelope {
  keyId: string;
  nonce: Buffer;
  /** Ciphertext with the 16-byte authentication tag appended. */
  sealed: Buffer;
}

export function formatEnvelope({ keyId, nonce, sealed }: Envelope): string {
  return `${ENVELOPE_VERSION}.${keyId}.${nonce.toString("base64url")}.${sealed.toString("base64url")}`;
}

/** Undefined when the text is not a well-formed v1 envelope. */
export function parseEnvelope(text: string): Envelope | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  const [version, keyId = "", nonceText = "", sealedText = ""] = parts;
  if (version !== ENVELOPE_VERSION || !KEY_ID_PATTERN.test(keyId)) return undefined;

  const nonce = decodeBase64Url(nonceText);
  const sealed = decodeBase64Url(sealedText);
  if (nonce?.length !== NONCE_BYTES || !sealed || sealed.length < TAG_BYTES) return undefined;
  return { keyId, nonce, sealed };
}
