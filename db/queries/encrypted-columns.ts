import { and, asc, gt, isNotNull, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db";
import {
  alertChannels,
  jobItems,
  keyLeases,
  loginFlows,
  memberFactors,
  sessionRotations,
  telegramAccounts,
  telegramSessions,
} from "@/db/schema";

type EncryptedColumn = {
  table: PgTable;
  id: PgColumn;
  column: PgColumn;
  /** Set on a row whose ciphertext no key decrypts, so pages can show it; absent where nothing shows it. */
  failureFlag?: PgColumn;
};

/** Every column that holds a vault envelope, by the name its binding has in lib/keys. */
const encryptedColumns = {
  sessionString: {
    table: telegramSessions,
    id: telegramSessions.id,
    column: telegramSessions.sessionCiphertext,
    failureFlag: telegramSessions.decryptFailed,
  },
  serverSalt: { table: telegramSessions, id: telegramSessions.id, column: telegramSessions.serverSaltCiphertext },
  accountPhone: { table: telegramAccounts, id: telegramAccounts.id, column: telegramAccounts.phoneCiphertext },
  loginPhone: { table: loginFlows, id: loginFlows.id, column: loginFlows.phoneCiphertext },
  loginSession: { table: loginFlows, id: loginFlows.id, column: loginFlows.sessionCiphertext },
  rotationSession: { table: sessionRotations, id: sessionRotations.id, column: sessionRotations.freshCiphertext },
  loginPhoneCodeHash: { table: loginFlows, id: loginFlows.id, column: loginFlows.phoneCodeHashCiphertext },
  factorSecret: { table: memberFactors, id: memberFactors.id, column: memberFactors.secretCiphertext },
  alertTarget: { table: alertChannels, id: alertChannels.id, column: alertChannels.targetCiphertext },
  alertSecret: { table: alertChannels, id: alertChannels.id, column: alertChannels.secretCiphertext },
  jobPayload: { table: jobItems, id: jobItems.id, column: jobItems.payloadCiphertext },
  leaseKey: { table: keyLeases, id: keyLeases.id, column: keyLeases.keyCiphertext },
} satisfies Record<string, EncryptedColumn>;

export type EncryptedColumnName = keyof typeof encryptedColumns;

export type StoredSecret = { id: string; value: string | null };
export type SecretChange = { id: string; before: string; after: string | null };

/** The next `limit` rows holding a ciphertext in the column, by id after `after`. */
export function readSecretBatch(
  db: Db,
  name: EncryptedColumnName,
  after: string | undefined,
  limit: number,
): Promise<StoredSecret[]> {
  const target: EncryptedColumn = encryptedColumns[name];
  return db
    .select({ id: sql<string>`${target.id}::text`, value: sql<string | null>`${target.column}` })
    .from(target.table)
    .where(and(isNotNull(target.column), after ? gt(target.id, after) : undefined))
    .orderBy(asc(target.id))
    .limit(limit);
}

/**
 * Writes re-encrypted values (`after`) and flags the rows no key could read (`after` null, where the column
 * has a flag), in one transaction. A row is changed only while it still holds the ciphertext that was read.
 */
export async function applySecretChanges(db: Db, name: EncryptedColumnName, changes: SecretChange[]): Promise<void> {
  const target: EncryptedColumn = encryptedColumns[name];
  const rotated = changes.filter((c): c is SecretChange & { after: string } => c.after !== null);
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
