import { afterAll, beforeAll, describe, it } from "vitest";
import type { TestDatabase, TestDriver } from "./database";
import { routeTestDatabase } from "./route-database";

/**
 * Deadlines short enough that a stalled request ends in about a second (a key exchange needs more on 2 busy cores),
 * for `startConsoleSandbox` in a Telegram-faults test file (which must also `vi.mock("@/db", …testDbModule)`).
 */
export const faultDeadlines = {
  TELEGRAM_CONNECT_TIMEOUT_MS: "3000",
  TELEGRAM_REQUEST_TIMEOUT_MS: "1000",
  TELEGRAM_CONNECT_ATTEMPTS: "1",
};

export type FaultDatabase = { database: TestDatabase; adminToken: string };

/** A fresh database for `driver` with an admin API token, made the app's database for the file's tests. */
export function faultDatabaseForTests(driver: TestDriver): FaultDatabase {
  const holder = {} as FaultDatabase;
  beforeAll(async () => {
    const { database, admin } = await routeTestDatabase(driver);
    Object.assign(holder, { database, adminToken: admin });
  });
  afterAll(() => holder.database?.close());
  return holder;
}

const driverNames = { pglite: "PGlite", postgres: "Postgres through the Neon driver" };

/**
 * A fault matrix as tests: every case on PGlite, and the cases `alsoOnPostgres` picks once more on a
 * Postgres database reached through the Neon driver and the relay, each driver with a database of its own.
 */
export function describeFaultMatrix<C extends { label: string }>(
  title: string,
  cases: C[],
  alsoOnPostgres: (fault: C) => boolean,
  run: (setup: FaultDatabase, fault: C) => Promise<void>,
): void {
  for (const [driver, picked] of [
    ["pglite", cases],
    ["postgres", cases.filter(alsoOnPostgres)],
  ] as const) {
    if (picked.length === 0) continue;
    describe(`${title} (${driverNames[driver]})`, () => {
      const setup = faultDatabaseForTests(driver);
      it.each(picked)("$label", (fault) => run(setup, fault));
    });
  }
}

let phoneSeq = 0;

/** A sandbox number never used before in this process (each number may ask for only 10 codes an hour). */
export function freshPhone(dc: number, base: number): string {
  return `99966${dc}${String(base + ++phoneSeq).padStart(4, "0")}`;
}
