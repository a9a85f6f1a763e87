import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionEvents } from "@/db/schema";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/tests/support/database";
import { listSessionEvents } from "./session-events";
import { seedSessions } from "@/tests/support/session-rows";

describe.each(testDrivers)("session events query on %s", (driver) => {
  let database: TestDatabase;
  let sessionId: string;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    const [one, other] = await seedSessions(database.db, [{}, {}]);
    sessionId = one!;
    const kinds = ["check", "check", "flood_wait", "check", "status_change"];
    await database.db
      .insert(sessionEvents)
      .values(kinds.map((kind, i) => ({ sessionId, kind, latencyMs: i * 10, detail: { n: i } })));
    await database.db.insert(sessionEvents).values({ sessionId: other!, kind: "check" });
  });
  afterAll(() => database.close());

  it("pages one session's events newest first", async () => {
    const first = await listSessionEvents(database.db, sessionId, { limit: 2 });
    expect(first.items.map((e) => e.kind)).toEqual(["status_change", "check"]);
    const rest = await listSessionEvents(database.db, sessionId, { limit: 10, cursor: first.nextCursor! });
    expect(rest.items.map((e) => e.detail)).toEqual([{ n: 2 }, { n: 1 }, { n: 0 }]);
    expect(rest.nextCursor).toBeNull();
  });

  it("filters by kind", async () => {
    const checks = await listSessionEvents(database.db, sessionId, { limit: 10, kinds: ["check", "flood_wait"] });
    expect(checks.items.map((e) => e.latencyMs)).toEqual([30, 20, 10, 0]);
  });
});
