import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, allDrivers, type TestDatabase } from "@/tests/support/database";
import { decodeSessionCursor } from "./session-cursor";
import { seedManySessions } from "@/tests/support/session-rows";
import type { SessionSort, SortOrder } from "./session-sort";
import { listSessions, type SessionListFilter } from "./sessions";

const total = 10_000;

describe.each(allDrivers)("sessions list over 10,000 rows on %s", (driver) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    await seedManySessions(database.db, total);
  });
  afterAll(() => database.close());

  async function pageThrough(filter: Omit<SessionListFilter, "cursor">): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listSessions>> = await listSessions(database.db, {
        ...filter,
        cursor: cursor ? decodeSessionCursor(cursor)! : undefined,
      });
      ids.push(...page.rows.map((row) => row.id));
      cursor = page.nextCursor;
    } while (cursor);
    return ids;
  }

  it.each<[SessionSort, SortOrder]>([
    ["created", "desc"],
    ["lastUsed", "asc"],
    ["latency", "desc"],
    ["expiry", "asc"],
  ])("pages by %s %s through every row once, in the order of one unpaged query", async (sort, order) => {
    const whole = await listSessions(database.db, { sort, order, limit: total + 1 });
    expect(whole.rows).toHaveLength(total);
    expect(await pageThrough({ sort, order, limit: 250 })).toEqual(whole.rows.map((row) => row.id));
  });

  it("filters and searches the large set", async () => {
    const degraded = await pageThrough({ sort: "status", order: "asc", limit: 250, statuses: ["degraded"] });
    expect(degraded).toHaveLength(total / 5);
    const found = await listSessions(database.db, { sort: "created", order: "desc", limit: 50, q: "User 4242" });
    expect(found.rows.map((row) => row.account.lastName)).toEqual(["User 4242"]);
    const byId = await listSessions(database.db, {
      sort: "created",
      order: "desc",
      limit: 50,
      q: String(5_000_000_000 + 77),
    });
    expect(byId.rows.map((row) => row.account.lastName)).toEqual(["User 77"]);
  });
});
