import { describe, expect, it, vi } from "vitest";
import type { Db } from "@/db";
import { checkSession } from "@/lib/health/check";
import { healthConfig } from "@/lib/health/config";
import { HealthMonitor } from "@/lib/health/monitor";
import { sessionRow } from "@/lib/health/testing/fixtures";
import { seedSandboxSessions } from "@/lib/health/testing/seed-sessions";
import { ConnectionManager } from "@/lib/telegram/connection/manager";
import { healthFaultPoints, healthRpcFaultPoints } from "@/tests/support/health-fault-points";
import { freshPhone, faultDatabaseForTests, startFaultSandbox } from "@/tests/support/telegram-fault-setup";
import { expectNoInvalidSession, expectOneWorkingSession } from "@/tests/support/telegram-fault-outcomes";
import { requestLogFrom, rpcFaultCases, transportFaultCases, type FaultCase } from "@/tests/support/telegram-fault-points";

vi.mock("@/db", async () => (await import("@/lib/api/test-database")).testDbModule);

const sandbox = await startFaultSandbox();

/** How each operation checks one due session; returns the result it reports for it. */
const operations = {
  "health check": async (db: Db, id: string) => (await checkSession(db, id)).result,
  "monitor sweep": async (db: Db) => {
    const monitor = new HealthMonitor(db, new ConnectionManager({ idleMs: 0 }), healthConfig({ concurrency: 4, pollSeconds: 1 }));
    const stats = await monitor.sweepOnce();
    expect(stats).toMatchObject({ checked: 1, errors: 0 });
    return Object.keys(stats.results).join(",");
  },
};

/**
 * One check of a session under one fault: the session ends degraded (the fault hit the check)
 * or active (it did not matter), never invalid, with its lease given back; the next check finds it working.
 */
async function runCase(setup: ReturnType<typeof faultDatabaseForTests>, operation: keyof typeof operations, fault: FaultCase<unknown>) {
  const { db } = setup.database;
  const phone = freshPhone(2, 7000);
  const [id = ""] = await seedSandboxSessions(db, [phone]);

  const requests = requestLogFrom(sandbox, phone);
  fault.arm(sandbox, phone);
  const result = await operations[operation](db, id);
  sandbox.clearFaults();
  fault.expectHit(requests());
  const expected = fault.survives ? "active" : "degraded";
  expect(result).toBe(expected === "active" ? "ok" : "degraded");
  expect(await sessionRow(db, id)).toMatchObject({ status: expected, leaseOwner: null });

  await expectOneWorkingSession(db, sandbox, phone, id);
  await expectNoInvalidSession(db);
}

const cases = [...transportFaultCases(healthFaultPoints), ...rpcFaultCases(healthRpcFaultPoints)];

describe.each(Object.keys(operations) as (keyof typeof operations)[])("%s under Telegram faults (PGlite)", (operation) => {
  const setup = faultDatabaseForTests("pglite");
  it.each(cases)("$label", (fault) => runCase(setup, operation, fault));
});

describe("health check under Telegram faults (Postgres through the Neon driver)", () => {
  const setup = faultDatabaseForTests("postgres");
  it.each(transportFaultCases(healthFaultPoints.filter((point) => point.name === "probe users.getUsers")))("$label", (fault) => runCase(setup, "health check", fault));
});
