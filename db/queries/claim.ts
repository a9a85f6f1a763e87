import { inArray, sql, type Placeholder, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable, PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db";

/** A moment `seconds` after the database's now (its clock decides, so processes with skewed clocks agree). */
export const secondsFromNow = (seconds: number | Placeholder): SQL => sql`now() + make_interval(secs => ${seconds})`;

export type ClaimSpec<T extends PgTable> = {
  /** The row's key, matched between the picking subquery and the update. */
  key: PgColumn;
  /** Which rows may be claimed. */
  where: SQL | undefined;
  /** Which of them goes first (the most overdue). */
  orderBy?: (PgColumn | SQL)[];
  /** The lease the claim takes, e.g. a hold-until column pushed into the future. */
  set: PgUpdateSetSource<T>;
};

/**
 * Claim-and-lease in one statement: picks the first claimable row no other transaction has locked
 * (FOR UPDATE SKIP LOCKED) and writes its lease, so any number of processes can share the work without
 * waiting on each other or taking one row twice. Add `.returning(...)` (and `.prepare(...)` if it runs often).
 */
export function claimNext<T extends PgTable>(db: DbOrTx, table: T, spec: ClaimSpec<T>) {
  const next = db
    .select({ key: spec.key })
    .from(table as PgTable)
    .where(spec.where)
    .orderBy(...(spec.orderBy ?? []))
    .limit(1)
    .for("update", { skipLocked: true });
  return db.update(table).set(spec.set).where(inArray(spec.key, next));
}
