import "server-only";
import path from "node:path";
import { dataPath } from "@/lib/env/data-dir";
import { env } from "@/lib/env";
import type { Db, DbHandle } from "./client";
import { connectNeon, needsRelay } from "./connect-neon";
import { connectPglite } from "./connect-pglite";

export type { Db, DbOrTx, Tx } from "./client";

const migrationsFolder = path.resolve(process.cwd(), "db/migrations");

/** Opens the database named by configuration: PGlite under the data folder, or any Postgres through the Neon driver. */
export async function openDatabase(url = env().DATABASE_URL): Promise<DbHandle> {
  if (!url) {
    const handle = connectPglite(dataPath("pglite"), migrationsFolder);
    await handle.migrate();
    return handle;
  }
  return connectNeon(url, { relay: needsRelay(url, env().DATABASE_RELAY), migrationsFolder });
}

// Kept on globalThis so hot reloads in development reuse one connection (PGlite allows one owner per folder).
const holder = globalThis as typeof globalThis & { __consoleDb?: Promise<DbHandle> };

export function databaseHandle(): Promise<DbHandle> {
  holder.__consoleDb ??= openDatabase().catch((error: unknown) => {
    holder.__consoleDb = undefined;
    throw error;
  });
  return holder.__consoleDb;
}

export async function getDb(): Promise<Db> {
  return (await databaseHandle()).db;
}
