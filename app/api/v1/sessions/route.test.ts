import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seedSessions } from "@/tests/support/session-rows";
import { withStatementLog } from "@/tests/support/statement-log";
import { sessionEvents } from "@/db/schema";
import { callRoute } from "@/tests/support/call-route";
import { memberWithToken, useTestDb } from "@/tests/support/route-database";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/tests/support/database";
import * as events from "./[id]/events/route";
import * as session from "./[id]/route";
import * as sessions from "./route";

vi.mock("@/db", async () => (await import("@/tests/support/route-database")).testDbModule);

const secrets = { sessionCiphertext: "SECRET-SESSION-CIPHERTEXT", phone: "SECRET-PHONE-CIPHERTEXT" };

describe.each(testDrivers)("session read routes on %s", (driver) => {
  let database: TestDatabase;
  let viewer: Awaited<ReturnType<typeof memberWithToken>>;
  let ids: string[];

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    useTestDb(database.db);
    viewer = await memberWithToken(database.db, "viewer@example.com", "viewer");
    ids = await seedSessions(
      database.db,
      ["Ann", "Ben", "Cid"].map((firstName, i) => ({
        status: i === 1 ? "degraded" : "active",
        createdAt: new Date(Date.now() - i * 60_000),
        sessionCiphertext: secrets.sessionCiphertext,
        account: { firstName, phoneCiphertext: secrets.phone },
      })),
    );
    await database.db
      .insert(sessionEvents)
      .values(["check", "flood_wait", "check"].map((kind) => ({ sessionId: ids[0]!, kind })));
  });
  afterAll(() => {
    useTestDb(database.db);
    return database.close();
  });

  it("lets a viewer page, filter and search the list, in one statement per request", async () => {
    const logged = withStatementLog(database);
    useTestDb(logged.db);
    const first = await callRoute(sessions.GET, "GET", { token: viewer.token, query: "?limit=2" });
    expect(first.status).toBe(200);
    expect(first.body.items.map((i: { account: { displayName: string } }) => i.account.displayName)).toEqual([
      "Ann",
      "Ben",
    ]);
    const rest = await callRoute(sessions.GET, "GET", {
      token: viewer.token,
      query: `?limit=2&cursor=${first.body.nextCursor}`,
    });
    expect(rest.body).toMatchObject({ items: [{ account: { displayName: "Cid" } }], nextCursor: null });
    expect(logged.statements.filter((s) => s.includes('from "telegram_sessions"'))).toHaveLength(2);
    useTestDb(database.db);

    const filtered = await callRoute(sessions.GET, "GET", {
      token: viewer.token,
      query: "?status=degraded,invalid&q=b&sort=status&order=asc",
    });
    expect(filtered.body.items.map((i: { id: string }) => i.id)).toEqual([ids[1]]);
    expect(JSON.stringify([first.body, rest.body])).not.toMatch(/SECRET/);
  });

  it("refuses strangers and names bad parameters", async () => {
    expect((await callRoute(sessions.GET, "GET")).status).toBe(401);
    const bad = await callRoute(sessions.GET, "GET", {
      token: viewer.token,
      query: "?status=dead&sort=name&order=up&limit=0",
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["limit", "order", "sort", "status.0"]);
    const page = await callRoute(sessions.GET, "GET", { token: viewer.token, query: "?limit=1&sort=latency" });
    const otherSort = await callRoute(sessions.GET, "GET", {
      token: viewer.token,
      query: `?cursor=${page.body.nextCursor}`,
    });
    expect(otherSort.status).toBe(400);
    expect(otherSort.body.error.fields).toHaveProperty("cursor");
    const forged = Buffer.from(
      JSON.stringify({ sort: "created", order: "desc", key: "yesterday", id: ids[0] }),
    ).toString("base64url");
    expect((await callRoute(sessions.GET, "GET", { token: viewer.token, query: `?cursor=${forged}` })).status).toBe(
      400,
    );
    expect((await callRoute(sessions.GET, "GET", { token: viewer.token, query: "?cursor=%%%" })).status).toBe(400);
  });

  it("shows one session, 404 for an unknown one", async () => {
    const found = await callRoute(session.GET, "GET", { token: viewer.token, params: { id: ids[0]! } });
    expect(found.body).toMatchObject({
      id: ids[0],
      status: "active",
      account: { displayName: "Ann" },
      rotatedToId: null,
    });
    expect(found.body.account.telegramUserId).toMatch(/^\d+$/);
    expect(JSON.stringify(found.body)).not.toMatch(/SECRET/);
    const missing = "00000000-0000-4000-8000-000000000000";
    expect((await callRoute(session.GET, "GET", { token: viewer.token, params: { id: missing } })).status).toBe(404);
    expect((await callRoute(session.GET, "GET", { token: viewer.token, params: { id: "nope" } })).status).toBe(400);
    expect((await callRoute(events.GET, "GET", { token: viewer.token, params: { id: missing } })).status).toBe(404);
  });

  it("pages a session's events newest first, by kind", async () => {
    const params = { id: ids[0]! };
    const first = await callRoute(events.GET, "GET", { token: viewer.token, params, query: "?limit=2" });
    expect(first.body.items.map((e: { kind: string }) => e.kind)).toEqual(["check", "flood_wait"]);
    const rest = await callRoute(events.GET, "GET", {
      token: viewer.token,
      params,
      query: `?limit=2&cursor=${first.body.nextCursor}`,
    });
    expect(rest.body).toMatchObject({ items: [{ kind: "check" }], nextCursor: null });
    const checks = await callRoute(events.GET, "GET", { token: viewer.token, params, query: "?kind=check" });
    expect(checks.body.items).toHaveLength(2);
    expect(
      (await callRoute(events.GET, "GET", { token: viewer.token, params, query: "?kind=DROP%20TABLE" })).status,
    ).toBe(400);
  });
});
