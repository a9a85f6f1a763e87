import { asc, isNull, lt, or, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loginFlows } from "@/db/schema";
import type { DbOrTx } from "@/db";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/tests/support/database";
import { claimNext, secondsFromNow } from "./claim";

describe.each(testDrivers)("claimNext on %s", (driver) => {
  let database: TestDatabase;
  let byExpiry: string[];
  beforeAll(async () => (database = await createTestDatabase(driver)));
  afterAll(() => database.close());
  beforeEach(async () => {
    await database.db.delete(loginFlows).where(sql`true`);
    const expiries = [3, 1, 2].map((minutes) => new Date(Date.now() + minutes * 60_000));
    const rows = await database.db
      .insert(loginFlows)
      .values(expiries.map((expiresAt) => ({ method: "phone" as const, step: "code" as const, expiresAt })))
      .returning({ id: loginFlows.id, expiresAt: loginFlows.expiresAt });
    byExpiry = rows.sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime()).map((r) => r.id);
  });

  const claim = async (db: DbOrTx = database.db) => {
    const [row] = await claimNext(db, loginFlows, {
      key: loginFlows.id,
      where: or(isNull(loginFlows.lockedUntil), lt(loginFlows.lockedUntil, sql`now()`)),
      orderBy: [asc(loginFlows.expiresAt)],
      set: { lockedUntil: secondsFromNow(60) },
    }).returning({ id: loginFlows.id, lockedUntil: loginFlows.lockedUntil });
    return row;
  };

  it("takes the claimable rows in order, each with its lease, then none once all are held", async () => {
    const taken = [await claim(), await claim(), await claim()];
    expect(taken.map((row) => row?.id)).toEqual(byExpiry);
    expect(taken.every((row) => row!.lockedUntil!.getTime() > Date.now() + 50_000)).toBe(true);
    expect(await claim()).toBeUndefined();
  });

  // PGlite has one connection: a second claim could not run beside an open transaction there.
  if (driver === "postgres")
    it("skips a row another transaction is claiming instead of waiting for it", async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let first: Awaited<ReturnType<typeof claim>>;
      let claimed!: () => void;
      const firstClaimed = new Promise<void>((resolve) => (claimed = resolve));
      const holder = database.db.transaction(async (tx) => {
        first = await claim(tx);
        claimed();
        await held;
      });
      await firstClaimed;
      const second = await claim();
      release();
      await holder;
      expect(first?.id).toBe(byExpiry[0]);
      expect(second?.id).toBe(byExpiry[1]);
    }, 10_000);
});
