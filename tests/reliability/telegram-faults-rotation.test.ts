import { eq, sql } from "drizzle-orm";
import { expect, vi } from "vitest";
import { sessionRevocations, telegramSessions } from "@/db/schema";
import { seedSandboxSessions } from "@/tests/support/sandbox-sessions";
import { maintenancePass } from "@/lib/background";
import { connectionManager } from "@/lib/telegram/connection/manager";
import { sessionActions } from "@/tests/rotation/session-routes";
import { rotationFaultPoints, rotationRpcFaultPoints } from "@/tests/support/rotation-fault-points";
import {
  describeFaultMatrix,
  freshPhone,
  faultDeadlines,
  type FaultDatabase,
} from "@/tests/support/telegram-fault-setup";
import {
  expectNoInvalidSession,
  expectNoOpenRotation,
  expectOneWorkingSession,
} from "@/tests/support/telegram-fault-outcomes";
import { rpcFaultCases, transportFaultCases, underFault, type FaultCase } from "@/tests/support/telegram-fault-points";
import { startConsoleSandbox } from "@/tests/support/sandbox";

vi.mock("@/db", async () => (await import("@/tests/support/route-database")).testDbModule);

const sandbox = await startConsoleSandbox(faultDeadlines);

/**
 * One rotation under one fault: it answers rotated or a typed 503; once Telegram is back the
 * maintenance pass (recovery of open rotations, owed logouts; the owed ones made due at once) leaves the
 * account with exactly one usable session, which Telegram lists as its only active authorization and which
 * passes a health check.
 */
async function runCase(setup: FaultDatabase, fault: FaultCase<{ name: string }>) {
  const { db } = setup.database;
  const phone = freshPhone(2, 5000);
  const [oldId = ""] = await seedSandboxSessions(db, [phone]);
  // The points count the old session's connect as two packets (one refused for its salt): no stored salt.
  await db.update(telegramSessions).set({ serverSaltCiphertext: null }).where(eq(telegramSessions.id, oldId));

  const reply = await underFault(sandbox, fault, phone, () => sessionActions(setup.adminToken).rotate(oldId));
  if (fault.survives) expect(reply).toMatchObject({ status: 200, body: { status: "rotated" } });
  else expect(reply).toMatchObject({ status: 503, body: { error: { code: "telegram_unavailable" } } });

  await db
    .update(sessionRevocations)
    .set({ nextAttemptAt: sql`now()` })
    .where(eq(sessionRevocations.sessionId, oldId));
  await maintenancePass(db, connectionManager());
  await expectNoOpenRotation(db);
  await expectOneWorkingSession(db, sandbox, phone, oldId);
  await expectNoInvalidSession(db);
}

describeFaultMatrix(
  "rotation under Telegram faults",
  [...transportFaultCases(rotationFaultPoints), ...rpcFaultCases(rotationRpcFaultPoints)],
  (fault) => fault.source === "transport" && fault.point.name === "fresh login-token import",
  runCase,
);
