import { and, asc, gt, isNotNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { needsReencryption, reencrypt, VaultDecryptError, type KeyRing } from "@/lib/vault";
import { encryptedColumns, type EncryptedColumn } from "./encrypted-columns";

export type RotationProgress = { column: string; scanned: number; rotated: number; unreadable: number };
export type RotationReport = { scanned: number; rotated: number; unreadable: number };

type Row = { id: string; value: string | null };
type Change = { id: string; before: string; after: string | null };

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
  for (const target of encryptedColumns) {
    const progress = {
      column: `${target.binding("").table}.${target.binding("").column}`,
      scanned: 0,
      rotated: 0,
      unreadable: 0,
    };
    let after: string | undefined;
    for (;;) {
      const rows: Row[] = await db
        .select({ id: sql<string>`${target.id}::text`, value: sql<string | null>`${target.column}` })
        .from(target.table)
        .where(and(isNotNull(target.column), after ? gt(target.id, after) : undefined))
        .orderBy(asc(target.id))
        .limit(batchSize);
      if (rows.length === 0) break;
      const changes = rows.flatMap((row) => planChange(ring, target, row));
      await applyChanges(db, target, changes);
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

function planChange(ring: KeyRing, target: EncryptedColumn, row: Row): Change[] {
  if (row.value === null) return [];
  try {
    if (!needsReencryption(ring, row.value)) return [];
    return [{ id: row.id, before: row.value, after: reencrypt(ring, row.value, target.binding(row.id)) }];
  } catch (error) {
    if (error instanceof VaultDecryptError) return [{ id: row.id, before: row.value, after: null }];
    throw error;
  }
}

async function applyChanges(db: Db, target: EncryptedColumn, changes: Change[]): Promise<void> {
  const rotated = changes.filter((c): c is Change & { after: string } => c.after !== null);
  const unreadable = changes.filter((c) => c.after === null);
  await db.transaction(async (tx) => {
    if (rotated.length > 0) {
      const values = sql.join(
        rotated.map((c) => sql`(${c.id}::uuid, ${c.before}, ${c.after})`),
        sql`, `,
      );
      await tx.execute(sql`update ${target.table} set ${sql.identifier(target.column.name)} = v.after
        from (values ${values}) as v(id, before, after)
        where ${target.id} = v.id and ${target.column} = v.before`);
    }
    if (unreadable.length > 0 && target.failureFlag) {
      const ids: SQL = sql.join(
        unreadable.map((c) => sql`${c.id}::uuid`),
        sql`, `,
      );
      await tx.execute(
        sql`update ${target.table} set ${sql.identifier(target.failureFlag.name)} = true where ${target.id} in (${ids})`,
      );
    }
  });
}
