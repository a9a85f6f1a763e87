import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as members from "@/app/api/v1/team/members/route";
import type { DbHandle } from "@/db/client";
import { connectNeon } from "@/db/connect-neon";
import { callRoute, type CallOptions, type CallResult } from "@/tests/support/call-route";
import { useTestDb } from "@/tests/support/route-database";
import { createTestDatabase, testPostgresUrl, type TestDatabase } from "@/tests/support/database";
import { mutationKinds, prepareMutation } from "@/tests/support/fault-mutations";
import { memberWithCookie } from "@/tests/support/session-cookie";
import { startFaultProxy, type FaultProxy } from "@/tests/support/tcp-fault-proxy";
import { configureTestEnvironment } from "@/tests/support/test-environment";

vi.mock("@/db", async () => (await import("@/tests/support/route-database")).testDbModule);

const secret = configureTestEnvironment();
const faultCount = Number(process.env.DB_FAULTS ?? 100);
const outages = Math.max(3, Math.round(faultCount / 20));
const recoveryBudgetMs = 5_000;
const faultKinds = ["pg_terminate_backend", "proxy drops connections", "proxy delays traffic"] as const;

describe("database faults in the middle of mutations (Postgres through the Neon driver, the relay and a fault proxy)", () => {
  let database: TestDatabase;
  let proxy: FaultProxy;
  let consoleDb: DbHandle;
  let cookie: string;
  const figures = {
    faults: 0,
    byKind: {} as Record<string, number>,
    statuses: {} as Record<string, number>,
    partialWrites: 0,
    recoveryMsMax: 0,
  };

  beforeAll(async () => {
    database = await createTestDatabase("postgres");
    const target = new URL(testPostgresUrl);
    proxy = await startFaultProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const viaProxy = new URL(database.url!);
    Object.assign(viaProxy, { hostname: "127.0.0.1", port: String(proxy.port) });
    consoleDb = await connectNeon(viaProxy.toString(), {
      relay: true,
      migrationsFolder: path.resolve("db/migrations"),
      max: 4,
    });
    useTestDb(consoleDb.db);
    cookie = (await memberWithCookie(database.db, secret, "admin@example.com", "admin")).cookie;
  });
  afterAll(async () => {
    console.info(`database faults: ${JSON.stringify(figures)}`);
    // pool.end() can wait forever on a client whose connection was cut; the pool is thrown away anyway.
    await Promise.race([consoleDb.close(), sleep(2_000)]);
    await proxy.close();
    await database.close();
  });

  const asAdmin = (options: CallOptions): CallOptions => ({
    ...options,
    headers: { cookie, origin: "http://console.test" },
  });
  const tally = (result: CallResult) => {
    const key = `${result.status}${result.body?.error ? ` ${result.body.error.code}` : ""}`;
    figures.statuses[key] = (figures.statuses[key] ?? 0) + 1;
  };

  /** Milliseconds until a read through the console's pool succeeds again. */
  async function recoveryTime(): Promise<number> {
    const started = Date.now();
    while (Date.now() - started < recoveryBudgetMs * 2) {
      const read = await callRoute(members.GET, "GET", asAdmin({}));
      if (read.status === 200) return Date.now() - started;
      expect(read).toMatchObject({ status: 503, body: { error: { code: "database_unavailable" } } });
      await sleep(25);
    }
    return Infinity;
  }

  async function inject(kind: (typeof faultKinds)[number]): Promise<void> {
    if (kind === "proxy delays traffic") return proxy.setDelay(5 + Math.random() * 50);
    await sleep(Math.random() * 15);
    if (kind === "proxy drops connections") return proxy.dropAll();
    const ports = proxy.upstreamPorts();
    if (ports.length)
      await database.db.execute(
        sql`select pg_terminate_backend(pid) from pg_stat_activity where client_port = any(${`{${ports.join(",")}}`}::int[])`,
      );
  }

  it(`${faultCount} faults in the middle of each kind of mutation: the change and its audit row together or neither, 503 not 500, recovery within ${recoveryBudgetMs} ms`, async () => {
    for (let n = 0; n < faultCount; n++) {
      const kind = faultKinds[n % faultKinds.length]!;
      const mutation = await prepareMutation(
        database.db,
        mutationKinds[Math.floor(n / faultKinds.length) % mutationKinds.length]!,
        n,
        asAdmin,
      );
      const [result] = await Promise.all([mutation.send(), inject(kind)]);
      proxy.setDelay(0);
      figures.faults++;
      figures.byKind[kind] = (figures.byKind[kind] ?? 0) + 1;
      tally(result);
      const recovered = await recoveryTime();
      figures.recoveryMsMax = Math.max(figures.recoveryMsMax, recovered);
      expect(recovered, `recovery after fault ${n} (${kind})`).toBeLessThan(recoveryBudgetMs);

      const [happened, audited] = [await mutation.happened(), await mutation.auditRows()];
      if (happened !== (audited === 1) || audited > 1) figures.partialWrites++;
      expect({ n, kind: mutation.kind, fault: kind, happened, audited }).toEqual({
        n,
        kind: mutation.kind,
        fault: kind,
        happened,
        audited: happened ? 1 : 0,
      });
      if (result.status < 300) expect(happened, `${mutation.kind} answered ${result.status}`).toBe(true);
      else
        expect(result, mutation.kind).toMatchObject({ status: 503, body: { error: { code: "database_unavailable" } } });
    }
  }, 600_000);

  it(`${outages} outages: every mutation answers 503 database_unavailable and changes nothing; reads recover within ${recoveryBudgetMs} ms of the database's return`, async () => {
    for (let n = 0; n < outages; n++) {
      const mutation = await prepareMutation(
        database.db,
        mutationKinds[n % mutationKinds.length]!,
        faultCount + n,
        asAdmin,
      );
      proxy.setDown(true);
      const result = await mutation.send();
      tally(result);
      expect(result, mutation.kind).toMatchObject({
        status: 503,
        body: { error: { code: "database_unavailable", message: expect.stringMatching(/database/i) } },
      });
      expect([await mutation.happened(), await mutation.auditRows()]).toEqual([false, 0]);
      await sleep(100 + Math.random() * 400);
      proxy.setDown(false);
      const recovered = await recoveryTime();
      figures.recoveryMsMax = Math.max(figures.recoveryMsMax, recovered);
      expect(recovered).toBeLessThan(recoveryBudgetMs);
    }
  }, 600_000);
});
