import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { memberWithToken, useTestDb } from "@/tests/support/route-database";
import { isMutation, isPublicRoute } from "@/tests/support/access-policy";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { snapshotDatabase } from "@/tests/support/db-snapshot";
import { discoverApiRoutes, type DiscoveredRoute } from "@/tests/support/route-discovery";
import { startTestSandbox } from "@/tests/support/sandbox";
import { memberWithCookie } from "@/tests/support/session-cookie";
import { configureTestEnvironment } from "@/tests/support/test-environment";

vi.mock("@/db", async () => (await import("@/tests/support/route-database")).testDbModule);

const sandbox = await startTestSandbox();
const secret = configureTestEnvironment(sandbox.info.control);
const consoleOrigin = "http://console.test";
const routes = (await discoverApiRoutes()).filter((route) => isMutation(route.method));
afterAll(() => sandbox.cleanup());

// What a page on another site can make a signed-in browser send: no Origin (old browsers, some redirects),
// the opaque "null" origin (sandboxed frames, data: URLs) or its own; with Sec-Fetch-Site where browsers send it.
const origins: [string, Record<string, string>][] = [
  ["no Origin", {}],
  ["no Origin, Sec-Fetch-Site cross-site", { "sec-fetch-site": "cross-site" }],
  ["no Origin, Sec-Fetch-Site same-site", { "sec-fetch-site": "same-site" }],
  ["Origin null", { origin: "null" }],
  ["a foreign Origin", { origin: "https://evil.example" }],
  [
    "a foreign Origin claiming Sec-Fetch-Site same-origin",
    { origin: "https://evil.example", "sec-fetch-site": "same-origin" },
  ],
  ["a look-alike Origin", { origin: "http://console.test.evil.example" }],
];
const bodies: [string, string, string][] = [
  [
    "JSON",
    "application/json",
    JSON.stringify({
      email: "csrf@example.com",
      role: "admin",
      name: "csrf",
      scope: "admin",
      phone: "9996621234",
      code: "22222",
      password: "x",
    }),
  ],
  ["a form", "application/x-www-form-urlencoded", "email=csrf%40example.com&role=admin&name=csrf&scope=admin"],
  ["text", "text/plain", '{"email":"csrf@example.com","role":"admin","name":"csrf","scope":"admin"}'],
];
const matrix = origins.flatMap(([originName, headers]) =>
  bodies.map(([bodyName, type, body]) => ({
    name: `${originName}, ${bodyName}`,
    headers: { ...headers, "content-type": type },
    body,
  })),
);

describe("the CSRF matrix on every cookie-authenticated mutation", () => {
  let database: TestDatabase;
  let cookie: string;
  let targetIds: string[];

  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    useTestDb(database.db);
    cookie = (await memberWithCookie(database.db, secret, "admin@example.com", "admin")).cookie;
    const target = await memberWithToken(database.db, "target@example.com", "viewer");
    targetIds = [target.member.id, target.tokenId];
  });
  afterAll(() => database.close());

  function send(route: DiscoveredRoute, id: string, headers: Record<string, string>, body: string) {
    const path = route.pattern.replace(/\[\.\.\.[^\]]+\]/, "signout").replace(/\[[^\]]+\]/g, id);
    const request = new Request(`${consoleOrigin}${path}`, {
      method: route.method,
      headers: { ...headers, cookie },
      body,
    });
    const params: Record<string, string | string[]> = {};
    for (const segment of route.segments)
      if (segment.kind !== "literal") params[segment.name] = segment.kind === "param" ? id : ["signout"];
    return route.handler(request, { params: Promise.resolve(params) });
  }

  it.each(routes.map((route) => [`${route.method} ${route.pattern}`, route] as const))(
    "%s refuses every cross-site variant and changes nothing",
    async (_name, route) => {
      for (const id of targetIds) {
        const before = await snapshotDatabase(database.db);
        for (const variant of matrix) {
          const response = await send(route, id, variant.headers, variant.body);
          // Auth.js has its own CSRF token and answers with a redirect to its error page; ours answer 403.
          const refused = isPublicRoute(route.pattern) ? response.status >= 300 : [400, 403].includes(response.status);
          expect(refused, `${variant.name}: ${response.status}`).toBe(true);
        }
        expect(await snapshotDatabase(database.db)).toEqual(before);
      }
    },
  );

  it.each(
    routes
      .filter((route) => !isPublicRoute(route.pattern))
      .map((route) => [`${route.method} ${route.pattern}`, route] as const),
  )(
    "%s lets the same cookie through from the console's own origin (the matrix tests a working cookie)",
    async (_name, route) => {
      const [bodyName, type, body] = bodies[0]!;
      const response = await send(route, targetIds[0]!, { origin: consoleOrigin, "content-type": type }, body);
      expect((await response.json()).error?.code, bodyName).not.toBe("csrf_rejected");
      expect(response.status).not.toBe(401);
    },
  );
});
