import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seedSessions } from "@/tests/support/session-rows";
import { callRoute } from "@/tests/support/call-route";
import { memberWithToken, useTestDb } from "@/tests/support/route-database";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/tests/support/database";
import { GET } from "./route";

vi.mock("@/db", async () => (await import("@/tests/support/route-database")).testDbModule);

describe.each(testDrivers)("overview route on %s", (driver) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    useTestDb(database.db);
    await seedSessions(database.db, [
      { status: "active" },
      { status: "active", floodWaitUntil: new Date(Date.now() + 60_000), expiresAt: new Date(Date.now() + 86_400_000) },
      { status: "invalid", lastError: "AUTH_KEY_UNREGISTERED" },
    ]);
  });
  afterAll(() => database.close());

  it("counts states and explains why each listed session needs attention", async () => {
    const { token } = await memberWithToken(database.db, "viewer@example.com", "viewer");
    const { status, body } = await callRoute(GET, "GET", { token });
    expect(status).toBe(200);
    expect(body.counts).toMatchObject({
      active: 2,
      invalid: 1,
      total: 3,
      floodWaiting: 1,
      expiringSoon: 1,
      needsAttention: 2,
    });
    expect(body.attention.map((item: { reasons: string[] }) => item.reasons)).toEqual([
      ["invalid"],
      ["flood_wait", "expiring"],
    ]);
    expect((await callRoute(GET, "GET")).status).toBe(401);
  });
});
