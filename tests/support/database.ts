import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import type { Db } from "@/db";
import type { DbHandle } from "@/db/client";
import { connectNeon } from "@/db/connect-neon";
import * as schema from "@/db/schema";

export type TestDriver = "pglite" | "postgres";
/** Both drivers, for suites only the integration and reliability tiers run (a sandbox DC, processes, 10,000 rows). */
export const allDrivers: TestDriver[] = ["pglite", "postgres"];
/**
 * The drivers this test tier runs a database suite on (TEST_DRIVERS, set per Vitest project in vitest.config.ts):
 * PGlite in `unit`, Postgres in `integration`, so a suite on both drivers runs each half in its own tier.
 */
export const testDrivers: TestDriver[] = process.env.TEST_DRIVERS
  ? process.env.TEST_DRIVERS.split(",").map((driver) => {
      if (driver !== "pglite" && driver !== "postgres") throw new Error(`TEST_DRIVERS: unknown driver ${driver}`);
      return driver;
    })
  : allDrivers;

const repoRoot = path.resolve(import.meta.dirname, "../..");
const migrationsFolder = path.join(repoRoot, "db/migrations");

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
    const client = new PGlite({ loadDataDir: await migratedPgliteImage() });
    return { db: drizzle({ client, schema }) as unknown as Db, driver, close: () => client.close() };
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

let pgliteImage: Promise<Blob> | undefined;

/**
 * A PGlite data directory with every migration applied, made once per migration set and PGlite version and kept
 * in the temp folder: initdb and the migrations cost seconds of CPU per database, loading a copy a fraction of it.
 */
function migratedPgliteImage(): Promise<Blob> {
  pgliteImage ??= (async () => {
    const migrations = createHash("sha256");
    migrations.update(readFileSync(path.join(repoRoot, "node_modules/@electric-sql/pglite/package.json")));
    for (const file of readdirSync(migrationsFolder, { recursive: true, encoding: "utf8" }).sort()) {
      const full = path.join(migrationsFolder, file);
      if (file.endsWith(".sql") || file.endsWith(".json")) migrations.update(file).update(readFileSync(full));
    }
    const imageFile = path.join(tmpdir(), `tsc-pglite-${migrations.digest("hex").slice(0, 16)}.tar`);
    if (!existsSync(imageFile)) {
      const client = new PGlite();
      await migrate(drizzle({ client }), { migrationsFolder });
      const image = Buffer.from(await (await client.dumpDataDir("none")).arrayBuffer());
      await client.close();
      // Written aside and renamed: test processes starting together never read a half-written image.
      const partial = `${imageFile}.${process.pid}`;
      writeFileSync(partial, image);
      renameSync(partial, imageFile);
    }
    return new Blob([readFileSync(imageFile)]);
  })();
  return pgliteImage;
}
