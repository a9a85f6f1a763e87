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

  it("is a database of its own: a row written to another one is not in it", async () => {
    const other = await createTestDatabase(driver);
    try {
      await other.db.execute(
        sql`insert into users (email, role, password_hash) values ('other@example.com', 'viewer', 'x')`,
      );
      expect(await other.db.query.users.findMany()).toHaveLength(1);
      expect(await database.db.query.users.findMany()).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
