import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDrivers, type TestDatabase } from "./database";

describe.each(testDrivers)("database on %s", (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(() => database.close());

  it("is migrated and answers the relational API", async () => {
    const result = await database.db.execute(sql`select count(*)::int as n from users`);
    expect((result as unknown as { rows: unknown[] }).rows[0]).toEqual({ n: 0 });
    expect(await database.db.query.users.findMany()).toEqual([]);
  });
});
