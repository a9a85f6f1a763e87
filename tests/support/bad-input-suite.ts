import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "@/tests/support/route-database";
import { log } from "@/lib/log";
import { isPublicRoute, viewerMayCall } from "@/tests/support/access-policy";
import { installChangeJournal, takeChanges } from "@/tests/support/change-journal";
import { createTestDatabase, type TestDatabase, type TestDriver } from "@/tests/support/database";
import { fuzzActors } from "@/tests/support/fuzz-actors";
import { fuzzTargets } from "@/tests/support/fuzz-targets";
import { buildRequest, passesOriginCheck } from "@/tests/support/fuzz-request";
import { unexpectedChanges } from "@/tests/support/refused-request-changes";
import { generatedRequest, type GeneratedRequest } from "@/tests/support/request-arbitraries";
import { discoverApiRoutes, type DiscoveredRoute } from "@/tests/support/route-discovery";
import { startTestSandbox } from "@/tests/support/sandbox";
import { configureTestEnvironment } from "@/tests/support/test-environment";

/**
 * The bad-input fuzz over one shard of the route handlers found under app/api (a shard per test file, so
 * Vitest spreads them over the cores). The calling file must mock "@/db" with the test database module.
 */
export async function describeBadInput(shard: number, shards: number) {
  // Tens of thousands of refused requests would log as many lines (Auth.js logs each unknown action as an error).
  log.level = process.env.FUZZ_LOG_LEVEL ?? "fatal";
  const sandbox = await startTestSandbox();
  const secret = configureTestEnvironment(sandbox.info.control);
  const routes = (await discoverApiRoutes()).filter((_, index) => index % shards === shard);
  const runs = Number(process.env.FUZZ_RUNS ?? 2_000);
  afterAll(() => sandbox.cleanup());

  // PGlite for the full count; Postgres (through the Neon driver and relay) for a smaller sample of the same cases.
  const plans: [TestDriver, number][] = [
    ["pglite", runs],
    ["postgres", Math.max(20, Math.round(runs / 20))],
  ];
  describe.each(plans)(
    `route handlers (shard ${shard + 1} of ${shards}) under bad input on %s, %i cases each`,
    (driver, numRuns) => describeOn(driver, numRuns, routes, secret),
  );
}

function describeOn(driver: TestDriver, numRuns: number, routes: DiscoveredRoute[], secret: string) {
  let database: TestDatabase;
  let resolve: Awaited<ReturnType<typeof fuzzActors>>;
  let knownIds: string[];
  const statuses = new Map<number, number>();

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    useTestDb(database.db);
    resolve = await fuzzActors(database.db, secret);
    knownIds = await fuzzTargets(database.db);
    await installChangeJournal(database.db);
  });
  afterAll(async () => {
    console.info(
      `bad input on ${driver}, ${routes.length} handlers: ${[...statuses]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(" ")}`,
    );
    await database.close();
  });

  async function check(route: DiscoveredRoute, generated: GeneratedRequest) {
    const credential = resolve(generated.credential, generated.bearerGarbage);
    const { request, params } = buildRequest(route, generated, credential);
    const response = await route.handler(request, { params: Promise.resolve(params) });
    await response.arrayBuffer();
    const changes = await takeChanges(database.db);
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);

    expect(response.status, "a 5xx").toBeLessThan(500);
    const accepted = response.status >= 200 && response.status < 300;
    if (!accepted)
      expect(unexpectedChanges(changes, credential, response.status), "changes from a refused request").toEqual([]);
    if (!accepted || isPublicRoute(route.pattern)) return;
    expect(credential.role, "a 2xx without valid credentials").toBeDefined();
    if (credential.role === "viewer")
      expect(viewerMayCall(route.pattern, route.method), "a viewer's 2xx on an admin route").toBe(true);
    if (credential.cookie)
      expect(passesOriginCheck(generated, route.method), "a cross-site cookie mutation's 2xx").toBe(true);
  }

  it.each(routes.map((route) => [`${route.method} ${route.pattern}`, route] as const))(
    "%s",
    async (_name, route) => {
      const paramCount = route.segments.filter((segment) => segment.kind !== "literal").length;
      const cases = generatedRequest(paramCount, knownIds);
      await fc.assert(
        fc.asyncProperty(cases, (generated) => check(route, generated)),
        { numRuns },
      );
    },
    600_000,
  );
}
