import type { PGlite } from "@electric-sql/pglite";
import type { Pool } from "@neondatabase/serverless";
import { drizzle as neonDrizzle } from "drizzle-orm/neon-serverless";
import { drizzle as pgliteDrizzle } from "drizzle-orm/pglite";
import type { Db } from "@/db";
import * as schema from "@/db/schema";
import type { TestDatabase } from "@/tests/support/database";

/** For tests: a second handle on a test database's connection that records every SQL statement it sends. */
export function withStatementLog(database: TestDatabase): { db: Db; statements: string[]; params: unknown[][] } {
  const statements: string[] = [];
  const params: unknown[][] = [];
  const logger = {
    logQuery: (query: string, values: unknown[]) => {
      statements.push(query);
      params.push(values);
    },
  };
  const client = (database.db as unknown as { $client: unknown }).$client;
  const db =
    database.driver === "pglite"
      ? pgliteDrizzle({ client: client as PGlite, schema, logger })
      : neonDrizzle({ client: client as Pool, schema, logger });
  return { db: db as unknown as Db, statements, params };
}
