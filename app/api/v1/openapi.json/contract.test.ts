import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { openApiPath } from "@/lib/api/openapi";
import { createApiRoute } from "@/lib/api/route";
import { callRoute } from "@/tests/support/call-route";
import { assertMatchesContract } from "@/tests/support/contract";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { memberWithToken, useTestDb } from "@/tests/support/route-database";
import { discoverApiRoutes, type DiscoveredRoute } from "@/tests/support/route-discovery";
import { GET } from "./route";
import { apiRoutes } from "./routes";

vi.mock("@/db", async () => (await import("@/tests/support/route-database")).testDbModule);

type Document = { openapi: string; paths: Record<string, Record<string, { operationId: string }>> };

/** `/api/v1/sessions/[id]/invoke` (the discovered pattern) → `sessions/[id]/invoke`. */
const folderOf = (route: DiscoveredRoute) => route.pattern.replace(/^\/api\/v1\/?/, "");

describe("the OpenAPI contract", () => {
  let database: TestDatabase;
  let document: Document;
  let v1Routes: DiscoveredRoute[];

  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    useTestDb(database.db);
    const viewer = await memberWithToken(database.db, "viewer@example.com", "viewer");
    const served = await callRoute(GET, "GET", { token: viewer.token });
    expect(served.status).toBe(200);
    document = served.body;
    v1Routes = (await discoverApiRoutes()).filter((route) => route.pattern.startsWith("/api/v1/"));
  });
  afterAll(() => database.close());

  it("is served as OpenAPI 3.1 to a signed-in caller, and to nobody else", async () => {
    expect(document.openapi).toBe("3.1.0");
    expect((await callRoute(GET, "GET")).status).toBe(401);
  });

  it("lists every route module under app/api/v1, read from the file tree", () => {
    const folders = [...new Set(v1Routes.map(folderOf))].sort();
    expect(folders.length).toBeGreaterThanOrEqual(40);
    expect([...Object.keys(apiRoutes), "openapi.json"].sort()).toEqual(folders);
  });

  it("describes every exported method of every route under app/api/v1, and nothing else", () => {
    const inTree = v1Routes.map((route) => `${route.method} ${openApiPath(folderOf(route))}`).sort();
    const inDocument = Object.entries(document.paths)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    expect(inDocument).toEqual(inTree);
    const ids = Object.values(document.paths).flatMap((operations) =>
      Object.values(operations).map((o) => o.operationId),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("describes each route from the declaration its handler is served with", () => {
    for (const route of v1Routes) {
      const operation = document.paths[openApiPath(folderOf(route))]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${route.pattern}`).toBeDefined();
      // The served handler's own answers are judged by the same document (tests/support/contract.ts).
      expect(() => assertMatchesContract(route.handler, route.method, 401, unauthenticated)).not.toThrow();
    }
  });

  it("refuses an answer the document does not allow: an undeclared field, a wrong type, an unlisted status", () => {
    const route = createApiRoute({ getDb: async () => database.db, getActor: async () => null });
    const handler = route(
      { summary: "Read a thing", response: z.object({ id: z.uuid(), at: z.iso.datetime() }), role: "viewer" },
      async () => ({ id: crypto.randomUUID(), at: new Date().toISOString() }),
    );
    const good = { id: crypto.randomUUID(), at: new Date().toISOString() };
    expect(() => assertMatchesContract(handler, "GET", 200, good)).not.toThrow();
    expect(() => assertMatchesContract(handler, "GET", 200, { ...good, sessionString: "1BQ…" })).toThrow(
      /sessionString/,
    );
    expect(() => assertMatchesContract(handler, "GET", 200, { ...good, at: "yesterday" })).toThrow(/at/);
    expect(() => assertMatchesContract(handler, "GET", 201, good)).toThrow(/does not list/);
    expect(() => assertMatchesContract(handler, "GET", 404, { error: { code: "nope", message: "x" } })).toThrow();
    expect(() =>
      assertMatchesContract(handler, "GET", 404, { error: { code: "not_found", message: "x" } }),
    ).not.toThrow();
  });
});

const unauthenticated = { error: { code: "unauthenticated", message: "Sign in or send a valid API token." } };
