import { randomBytes } from "node:crypto";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import type { DbHandle } from "@/db/client";
import { connectNeon } from "@/db/connect-neon";
import { connectPglite } from "@/db/connect-pglite";

export type TestDriver = "pglite" | "postgres";
export const testDrivers: TestDriver[] = ["pglite", "postgres"];

const migrationsFolder = path.resolve(import.meta.dirname, "../../db/migrations");

/** The real Postgres for integration tests; CI sets it, and the default matches this project's machines. */
export const testPostgresUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export type TestDatabase = { db: Db; driver: TestDriver; url?: string; close(): Promise<void> };

/**
 * A fresh, migrated database: PGlite in memory, or a new Postgres database reached
 * through the Neon driver and the relay, exactly as production reaches it. Dropped on close.
 */
export async function createTestDatabase(
  driver: TestDriver,
  name = `tsc_test_${randomBytes(6).toString("hex")}`,
): Promise<TestDatabase> {
  if (driver === "pglite") {
    const handle = connectPglite(undefined, migrationsFolder);
    await handle.migrate();
    return { db: handle.db, driver, close: handle.close };
  }
  const admin = await connectNeon(testPostgresUrl, { relay: true, migrationsFolder, max: 1 });
  await admin.db.execute(sql.raw(`CREATE DATABASE ${name}`));
  const url = withDatabase(testPostgresUrl, name);
  const handle: DbHandle = await connectNeon(url, { relay: true, migrationsFolder, max: 4 });
  await handle.migrate();
  return {
    db: handle.db,
    driver,
    url,
    close: async () => {
      await handle.close();
      await admin.db.execute(sql.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      await admin.close();
    },
  };
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
