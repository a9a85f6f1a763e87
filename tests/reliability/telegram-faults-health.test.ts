import { expect, vi } from "vitest";
import type { Db } from "@/db";
import { checkSession } from "@/lib/health/check";
import { healthConfig } from "@/lib/health/config";
import { HealthMonitor } from "@/lib/health/monitor";
import { sessionRow, seedSandboxSessions } from "@/tests/support/sandbox-sessions";
import { ConnectionManager } from "@/lib/telegram/connection/manager";
import { healthFaultPoints, healthRpcFaultPoints } from "@/tests/support/health-fault-points";
import {
  describeFaultMatrix,
  freshPhone,
  faultDeadlines,
  type FaultDatabase,
} from "@/tests/support/telegram-fault-setup";
import { expectNoInvalidSession, expectOneWorkingSession } from "@/tests/support/telegram-fault-outcomes";
import { rpcFaultCases, transportFaultCases, underFault, type FaultCase } from "@/tests/support/telegram-fault-points";
import { startConsoleSandbox } from "@/tests/support/sandbox";

vi.mock("@/db", async () => (await import("@/tests/support/route-database")).testDbModule);

const sandbox = await startConsoleSandbox(faultDeadlines);

/** How each operation checks one due session; returns the result it reports for it. */
const operations = {
  "health check": async (db: Db, id: string) => (await checkSession(db, id)).result,
  "monitor sweep": async (db: Db) => {
    const monitor = new HealthMonitor(
      db,
      new ConnectionManager({ idleMs: 0 }),
      healthConfig({ concurrency: 4, pollSeconds: 1 }),
    );
    const stats = await monitor.sweepOnce();
    expect(stats).toMatchObject({ checked: 1, errors: 0 });
    return Object.keys(stats.results).join(",");
  },
};

type Operation = keyof typeof operations;

/**
 * One check of a session under one fault: the session ends degraded (the fault hit the check)
 * or active (it did not matter), never invalid, with its lease given back; the next check finds it working.
 */
async function runCase(setup: FaultDatabase, operation: Operation, fault: FaultCase<{ name: string }>) {
  const { db } = setup.database;
  const phone = freshPhone(2, 7000);
  const [id = ""] = await seedSandboxSessions(db, [phone]);

  const result = await underFault(sandbox, fault, phone, () => operations[operation](db, id));
  const expected = fault.survives ? "active" : "degraded";
  expect(result).toBe(expected === "active" ? "ok" : "degraded");
  expect(await sessionRow(db, id)).toMatchObject({ status: expected, leaseOwner: null });

  await expectOneWorkingSession(db, sandbox, phone, id);
  await expectNoInvalidSession(db);
}

const cases = [...transportFaultCases(healthFaultPoints), ...rpcFaultCases(healthRpcFaultPoints)];

for (const operation of Object.keys(operations) as Operation[]) {
  describeFaultMatrix(
    `${operation} under Telegram faults`,
    cases,
    (fault) =>
      operation === "health check" && fault.source === "transport" && fault.point.name === "probe users.getUsers",
    (setup, fault) => runCase(setup, operation, fault),
  );
}
