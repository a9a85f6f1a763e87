import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";

/** The rows of a raw statement; both drivers (PGlite and Neon's pg-compatible Pool) answer `{ rows }`. */
export async function sqlRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Every table of the public schema (the application's), by name and as a quoted identifier. */
export async function publicTables(db: DbOrTx): Promise<{ name: string; quoted: string }[]> {
  const tables = await sqlRows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  return tables.map(({ name }) => ({ name, quoted: `"public"."${name.replaceAll('"', '""')}"` }));
}
