import { randomBytes } from "node:crypto";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { createBenchCredentials, type BenchCredentials } from "./credentials";
import { startNextServer, type RunningServer } from "./next-server";
import { seedSessionsAndEvents } from "@/tests/support/session-rows";

/** The seeded database and the production server the api and page parts share (made once, on first use). */
export type Stage = { database: TestDatabase; next: RunningServer; credentials: BenchCredentials; seedSeconds: number };

let staged: Promise<Stage> | undefined;

export function stage(): Promise<Stage> {
  staged ??= build();
  return staged;
}

async function build(): Promise<Stage> {
  process.env.SESSION_ENCRYPTION_KEYS ??= `bench:${randomBytes(32).toString("base64")}`;
  const database = await createTestDatabase("postgres");
  try {
    const seedStarted = performance.now();
    await seedSessionsAndEvents(database.db, 10_000, 100);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const credentials = await createBenchCredentials(database.db);
    const next = await startNextServer({
      DATABASE_URL: database.url ?? "",
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      SESSION_ENCRYPTION_KEYS: process.env.SESSION_ENCRYPTION_KEYS,
      REQUIRE_ADMIN_MFA: "off",
      AUTH_TRUST_HOST: "true",
    });
    return { database, next, credentials, seedSeconds };
  } catch (error) {
    await database.close();
    throw error;
  }
}

export async function closeStage(): Promise<void> {
  if (!staged) return;
  const { database, next } = await staged.catch(() => ({ database: undefined, next: undefined }));
  await next?.stop();
  await database?.close();
}
