import type { SecretBinding } from "./binding";
import { shareAcrossBundles } from "@/lib/errors/shared-class";

/** Bad key configuration. Messages name the variable or file, never key material. */
export class VaultConfigError extends Error {
  override readonly name = "VaultConfigError";
}

export type VaultDecryptReason = "malformed" | "unknown-key" | "authentication-failed";

const explanations: Record<VaultDecryptReason, string> = {
  malformed: "the stored value is not a v1 vault envelope",
  "unknown-key": "its key id is not in the configured key ring",
  "authentication-failed": "it was altered, belongs to another row or column, or was sealed with a different key",
};

/** A stored secret that cannot be read. Carries where it came from; never plaintext or key bytes. */
export class VaultDecryptError extends Error {
  override readonly name = "VaultDecryptError";

  constructor(
    readonly reason: VaultDecryptReason,
    readonly binding?: SecretBinding,
    readonly keyId?: string,
  ) {
    super(`Cannot decrypt ${describe(binding)}: ${explanations[reason]}${keyId ? ` (key id "${keyId}")` : ""}`);
  }
}

function describe(binding: SecretBinding | undefined): string {
  if (!binding) return "secret";
  const column = binding.column ? `.${binding.column}` : "";
  return `${binding.table}${column} of row ${binding.rowId}`;
}

shareAcrossBundles("VaultDecryptError", VaultDecryptError);
