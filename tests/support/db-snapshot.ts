import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { publicTables, sqlRows } from "./sql-rows";

/** Row count and an md5 of all rows (in a fixed order) of every table in the public schema. */
export type DbSnapshot = Record<string, { rows: number; md5: string }>;

export async function snapshotDatabase(db: Db): Promise<DbSnapshot> {
  const snapshot: DbSnapshot = {};
  for (const { name, quoted } of await publicTables(db)) {
    const [row] = await sqlRows<{ rows: number; md5: string | null }>(
      db,
      sql.raw(
        `select count(*)::int as rows, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as md5 from ${quoted} t`,
      ),
    );
    snapshot[name] = { rows: Number(row?.rows ?? 0), md5: row?.md5 ?? "" };
  }
  return snapshot;
}
