import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import type { Db, DbHandle } from "./client";
import * as schema from "./schema";

/** The embedded default: PGlite in this process, stored in `dataDir` (or in memory for tests). */
export function connectPglite(dataDir: string | undefined, migrationsFolder: string): DbHandle {
  const client = new PGlite(dataDir);
  const pglite = drizzle({ client, schema });
  return {
    db: pglite as unknown as Db,
    driver: "pglite",
    migrate: () => migrate(pglite, { migrationsFolder }),
    close: () => client.close(),
  };
}
