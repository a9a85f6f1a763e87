/** Where a secret lives. It is bound into the ciphertext, so a value copied elsewhere fails to decrypt. */
export interface SecretBinding {
  table: string;
  rowId: string;
  column?: string;
}

/**
 * The GCM additional data: envelope version, key id, table, row id and column. A JSON array keeps the
 * encoding unambiguous ("a.b" + "c" never equals "a" + "b.c") and tells "no column" (null) from "".
 */
export function additionalData(version: string, keyId: string, binding: SecretBinding): Buffer {
  if (!binding.table || !binding.rowId) throw new TypeError("A vault binding needs a table and a row id");
  return Buffer.from(JSON.stringify([version, keyId, binding.table, binding.rowId, binding.column ?? null]), "utf8");
}
