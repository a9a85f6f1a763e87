import type { Db } from "@/db";
import {
  applySecretChanges,
  readSecretBatch,
  type EncryptedColumnName,
  type SecretChange,
  type StoredSecret,
} from "@/db/queries/encrypted-columns";
import { needsReencryption, reencrypt, VaultDecryptError, type KeyRing, type SecretBinding } from "@/lib/vault";
import { secrets } from "./encrypted-columns";

export type RotationProgress = { column: string; scanned: number; rotated: number; unreadable: number };
export type RotationReport = { scanned: number; rotated: number; unreadable: number };

/**
 * Re-encrypts every stored secret to the newest key, batch by batch. Each batch commits on its own and
 * only rows still holding the ciphertext that was read are changed, so the command can be killed and run
 * again (or run beside a live console) without losing anything.
 */
export async function rotateAllSecrets(
  db: Db,
  ring: KeyRing,
  onProgress: (p: RotationProgress) => void,
  batchSize = 500,
): Promise<RotationReport> {
  const total: RotationReport = { scanned: 0, rotated: 0, unreadable: 0 };
  for (const [name, { binding }] of Object.entries(secrets) as [
    EncryptedColumnName,
    (typeof secrets)[EncryptedColumnName],
  ][]) {
    const progress = {
      column: `${binding("").table}.${binding("").column}`,
      scanned: 0,
      rotated: 0,
      unreadable: 0,
    };
    let after: string | undefined;
    for (;;) {
      const rows = await readSecretBatch(db, name, after, batchSize);
      if (rows.length === 0) break;
      const changes = rows.flatMap((row) => planChange(ring, binding, row));
      await applySecretChanges(db, name, changes);
      progress.scanned += rows.length;
      progress.rotated += changes.filter((c) => c.after !== null).length;
      progress.unreadable += changes.filter((c) => c.after === null).length;
      onProgress({ ...progress });
      after = rows[rows.length - 1]?.id;
    }
    total.scanned += progress.scanned;
    total.rotated += progress.rotated;
    total.unreadable += progress.unreadable;
  }
  return total;
}

function planChange(ring: KeyRing, binding: (rowId: string) => SecretBinding, row: StoredSecret): SecretChange[] {
  if (row.value === null) return [];
  try {
    if (!needsReencryption(ring, row.value)) return [];
    return [{ id: row.id, before: row.value, after: reencrypt(ring, row.value, binding(row.id)) }];
  } catch (error) {
    if (error instanceof VaultDecryptError) return [{ id: row.id, before: row.value, after: null }];
    throw error;
  }
}
