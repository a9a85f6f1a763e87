import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { insertAuditEntry } from "@/db/queries/audit";
import { callRoute } from "@/tests/support/call-route";
import { memberWithToken, useTestDb } from "@/tests/support/route-database";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/tests/support/database";
import { GET } from "./route";

vi.mock("@/db", async () => (await import("@/tests/support/route-database")).testDbModule);

describe.each(testDrivers)("audit route on %s", (driver) => {
  let database: TestDatabase;
  let admin: Awaited<ReturnType<typeof memberWithToken>>;
  let viewer: Awaited<ReturnType<typeof memberWithToken>>;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    useTestDb(database.db);
    admin = await memberWithToken(database.db, "admin@example.com", "admin");
    viewer = await memberWithToken(database.db, "viewer@example.com", "viewer");
    for (const [actorLabel, action] of [
      ["a@example.com", "x.create"],
      ["b@example.com", "x.create"],
      ["a@example.com", "x.remove"],
    ]) {
      await insertAuditEntry(database.db, { actorLabel: actorLabel!, action: action!, outcome: "success" });
    }
  });
  afterAll(() => database.close());

  it("pages newest first and filters by actor and action", async () => {
    const first = await callRoute(GET, "GET", { token: admin.token, query: "?limit=2" });
    expect(first.status).toBe(200);
    expect(first.body.items.map((i: { action: string }) => i.action)).toEqual(["x.remove", "x.create"]);
    const second = await callRoute(GET, "GET", {
      token: admin.token,
      query: `?limit=2&cursor=${first.body.nextCursor}`,
    });
    expect(second.body).toMatchObject({
      items: [{ actorLabel: "a@example.com", action: "x.create" }],
      nextCursor: null,
    });
    const filtered = await callRoute(GET, "GET", { token: admin.token, query: "?actor=a@example.com&action=x.create" });
    expect(filtered.body.items).toHaveLength(1);
  });

  it("is for admins only and rejects a bad cursor", async () => {
    expect((await callRoute(GET, "GET", { token: viewer.token })).status).toBe(403);
    expect((await callRoute(GET, "GET", { token: admin.token, query: "?cursor=abc" })).status).toBe(400);
    expect((await callRoute(GET, "GET", { token: admin.token, query: "?limit=1000" })).status).toBe(400);
  });
});
