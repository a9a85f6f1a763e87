import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { callRoute } from "@/tests/support/call-route";
import { memberWithToken, useTestDb } from "@/tests/support/route-database";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/tests/support/database";
import * as token from "./[id]/route";
import * as tokens from "./route";

vi.mock("@/db", async () => (await import("@/tests/support/route-database")).testDbModule);

describe.each(testDrivers)("API token routes on %s", (driver) => {
  let database: TestDatabase;
  let admin: Awaited<ReturnType<typeof memberWithToken>>;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    useTestDb(database.db);
    admin = await memberWithToken(database.db, "admin@example.com", "admin");
  });
  afterAll(() => database.close());

  it("creates a token shown once, which works until it is revoked", async () => {
    const created = await callRoute(tokens.POST, "POST", {
      token: admin.token,
      body: { name: " ci deploy ", scope: "read" },
    });
    expect(created.status).toBe(201);
    expect(created.body.item).toMatchObject({
      name: "ci deploy",
      scope: "read",
      createdBy: "admin@example.com",
      lastUsedAt: null,
    });
    const secret: string = created.body.token;
    expect(secret.startsWith(created.body.item.prefix)).toBe(true);

    const listed = await callRoute(tokens.GET, "GET", { token: admin.token });
    expect(listed.body.items.map((t: { name: string }) => t.name)).toContain("ci deploy");
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    // A read token is a viewer: it authenticates but may not manage tokens.
    expect((await callRoute(tokens.GET, "GET", { token: secret })).status).toBe(403);

    const revoked = await callRoute(token.DELETE, "DELETE", {
      token: admin.token,
      params: { id: created.body.item.id },
    });
    expect(revoked.status).toBe(200);
    expect((await callRoute(tokens.GET, "GET", { token: secret })).status).toBe(401);
    expect(
      (await callRoute(token.DELETE, "DELETE", { token: admin.token, params: { id: created.body.item.id } })).status,
    ).toBe(404);

    const audit = await database.db.query.auditLog.findMany();
    expect(audit.map((row) => [row.action, row.outcome, row.target])).toEqual([
      ["api_token.create", "success", "ci deploy"],
      ["api_token.revoke", "success", "ci deploy"],
      ["api_token.revoke", "failure", created.body.item.id],
    ]);
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it("names what is wrong with the input", async () => {
    const { status, body } = await callRoute(tokens.POST, "POST", {
      token: admin.token,
      body: { name: "", scope: "root" },
    });
    expect(status).toBe(400);
    expect(Object.keys(body.error.fields).sort()).toEqual(["name", "scope"]);
  });

  it("creates a use token with its methods, sessions and lease rights, and refuses use limits on other scopes", async () => {
    const sessionId = "11111111-1111-4111-8111-111111111111";
    const created = await callRoute(tokens.POST, "POST", {
      token: admin.token,
      body: { name: "bot", scope: "use", methods: ["messages.Get*"], sessions: { ids: [sessionId] }, lease: true },
    });
    expect(created.status).toBe(201);
    expect(created.body.item).toMatchObject({
      scope: "use",
      use: { methods: ["messages.Get*"], sessionIds: [sessionId], lease: true, logParams: false },
    });
    const listed = await callRoute(tokens.GET, "GET", { token: admin.token });
    expect(listed.body.items.find((item: { name: string }) => item.name === "bot").use.methods).toEqual([
      "messages.Get*",
    ]);

    const refusals = [
      [{ name: "x", scope: "use" }, ["methods"]],
      [{ name: "x", scope: "use", methods: [] }, ["methods"]],
      [{ name: "x", scope: "use", methods: ["users.Get Full"] }, ["methods.0"]],
      [{ name: "x", scope: "use", methods: ["*"], sessions: { ids: ["nope"] } }, ["sessions.ids.0"]],
      [{ name: "x", scope: "read", methods: ["*"], lease: true }, ["lease", "methods"]],
    ] as const;
    for (const [body, fields] of refusals) {
      const refused = await callRoute(tokens.POST, "POST", { token: admin.token, body });
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(refused.body.error.fields).sort()).toEqual(fields);
    }
  });
});
