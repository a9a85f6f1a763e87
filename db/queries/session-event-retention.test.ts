import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionCalls, sessionEvents } from "@/db/schema";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/tests/support/database";
import { pruneSessionCalls, pruneSessionEvents } from "./session-event-retention";
import { seedSessions } from "@/tests/support/session-rows";

describe.each(testDrivers)("session event retention on %s", (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(() => database.close());

  const addEvents = async (sessionId: string, count: number, ageDays: number) => {
    await database.db.insert(sessionEvents).values(
      Array.from({ length: count }, () => ({
        sessionId,
        kind: "check",
        at: sql`now() - make_interval(days => ${ageDays})`,
      })),
    );
  };
  const ages = async () => {
    const [row] = await database.db
      .select({
        old: sql<number>`count(*) filter (where ${sessionEvents.at} < now() - interval '30 days')::int`,
        young: sql<number>`count(*) filter (where ${sessionEvents.at} >= now() - interval '30 days')::int`,
      })
      .from(sessionEvents);
    return row;
  };

  it("deletes events past the retention, oldest first and in bounded batches, and keeps the rest", async () => {
    const [id] = (await seedSessions(database.db, [{}])) as [string];
    await addEvents(id, 25, 40);
    await addEvents(id, 10, 1);
    expect(await ages()).toEqual({ old: 25, young: 10 });

    expect(await pruneSessionEvents(database.db, 30, { batchSize: 10, batches: 2 })).toBe(20);
    expect(await ages()).toEqual({ old: 5, young: 10 });
    expect(await pruneSessionEvents(database.db, 30, { batchSize: 10, batches: 5 })).toBe(5);
    expect(await ages()).toEqual({ old: 0, young: 10 });
    expect(await pruneSessionEvents(database.db, 30)).toBe(0);
    expect(await pruneSessionEvents(database.db, 0)).toBe(10);
  });

  it("prunes the call log the same way", async () => {
    const [id] = (await seedSessions(database.db, [{}])) as [string];
    const call = (ageDays: number) => ({
      sessionId: id,
      actorLabel: "token:svc",
      method: "users.GetFullUser",
      outcome: "ok",
      latencyMs: 3,
      at: sql`now() - make_interval(days => ${ageDays})`,
    });
    await database.db.insert(sessionCalls).values([call(40), call(40), call(1)]);
    expect(await pruneSessionCalls(database.db, 30)).toBe(2);
    expect(await database.db.select({ age: sessionCalls.at }).from(sessionCalls)).toHaveLength(1);
  });
});
