import { eq, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { sessionRevocations } from "@/db/schema";
import { seedSandboxSessions } from "@/lib/health/testing/seed-sessions";
import { maintenancePass } from "@/lib/rotation/maintenance";
import { connectionManager } from "@/lib/telegram/connection/manager";
import { sessionActions } from "@/tests/rotation/session-routes";
import { rotationFaultPoints, rotationRpcFaultPoints } from "@/tests/support/rotation-fault-points";
import { freshPhone, faultDatabaseForTests, startFaultSandbox } from "@/tests/support/telegram-fault-setup";
import { expectNoInvalidSession, expectNoOpenRotation, expectOneWorkingSession } from "@/tests/support/telegram-fault-outcomes";
import { requestLogFrom, rpcFaultCases, transportFaultCases, type FaultCase } from "@/tests/support/telegram-fault-points";

vi.mock("@/db", async () => (await import("@/lib/api/test-database")).testDbModule);

const sandbox = await startFaultSandbox();

/**
 * One rotation under one fault: it answers rotated or a typed 503; once Telegram is back the
 * maintenance pass (recovery of open rotations, owed logouts; the owed ones made due at once) leaves the
 * account with exactly one usable session, which Telegram lists as its only active authorization and which
 * passes a health check.
 */
async function runCase(setup: ReturnType<typeof faultDatabaseForTests>, fault: FaultCase<unknown>) {
  const { db } = setup.database;
  const phone = freshPhone(2, 5000);
  const [oldId = ""] = await seedSandboxSessions(db, [phone]);

  const requests = requestLogFrom(sandbox, phone);
  fault.arm(sandbox, phone);
  const reply = await sessionActions(setup.adminToken).rotate(oldId);
  sandbox.clearFaults();
  fault.expectHit(requests());
  if (fault.survives) expect(reply).toMatchObject({ status: 200, body: { status: "rotated" } });
  else expect(reply).toMatchObject({ status: 503, body: { error: { code: "telegram_unavailable" } } });

  await db.update(sessionRevocations).set({ nextAttemptAt: sql`now()` }).where(eq(sessionRevocations.sessionId, oldId));
  await maintenancePass(db, connectionManager());
  await expectNoOpenRotation(db);
  await expectOneWorkingSession(db, sandbox, phone, oldId);
  await expectNoInvalidSession(db);
}

describe("rotation under Telegram faults (PGlite)", () => {
  const setup = faultDatabaseForTests("pglite");
  it.each([...transportFaultCases(rotationFaultPoints), ...rpcFaultCases(rotationRpcFaultPoints)])("$label", (fault) => runCase(setup, fault));
});

describe("rotation under Telegram faults (Postgres through the Neon driver)", () => {
  const setup = faultDatabaseForTests("postgres");
  it.each(transportFaultCases(rotationFaultPoints.filter((point) => point.name === "fresh login-token import")))("$label", (fault) => runCase(setup, fault));
});
