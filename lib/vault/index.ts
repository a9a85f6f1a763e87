import "server-only";
export type { SecretBinding } from "./binding";
export { decrypt, decryptBytes, encrypt, needsReencryption, reencrypt } from "./cipher";
export { VaultConfigError, VaultDecryptError, type VaultDecryptReason } from "./errors";
export { KEYS_VARIABLE, parseKeyRing, type KeyRing, type VaultKey } from "./key-ring";
export { loadKeyRing } from "./load-key-ring";
