import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";

/** One round trip that proves the database answers. */
export async function pingDatabase(db: DbOrTx): Promise<void> {
  await db.execute(sql`select 1`);
}
