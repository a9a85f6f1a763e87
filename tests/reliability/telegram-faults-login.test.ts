import { expect, vi } from "vitest";
import { loginClient } from "@/tests/support/login-routes";
import {
  finishFlow,
  loginFaultPoints,
  loginRpcFaultPoints,
  stepScripts,
  type LoginStepName,
} from "@/tests/support/login-fault-steps";
import {
  describeFaultMatrix,
  freshPhone,
  faultDeadlines,
  type FaultDatabase,
} from "@/tests/support/telegram-fault-setup";
import {
  expectNoClaimedFlow,
  expectNoInvalidSession,
  expectOneWorkingSession,
} from "@/tests/support/telegram-fault-outcomes";
import { rpcFaultCases, transportFaultCases, underFault, type FaultCase } from "@/tests/support/telegram-fault-points";
import { startConsoleSandbox } from "@/tests/support/sandbox";

vi.mock("@/db", async () => (await import("@/tests/support/route-database")).testDbModule);

// The password step proves the password with SRP (2048-bit arithmetic) inside the step's deadline: on two
// busy cores that alone can take a second.
const sandbox = await startConsoleSandbox({ ...faultDeadlines, TELEGRAM_REQUEST_TIMEOUT_MS: "2500" });

/**
 * One login step under one fault: the step answers a typed 503 (or succeeds, e.g. after a delay), the
 * flow is given back unchanged, and the same login then finishes with one working session.
 */
async function runCase(setup: FaultDatabase, fault: FaultCase<{ step: LoginStepName; name: string }>) {
  const { db } = setup.database;
  const api = loginClient(setup.adminToken);
  const phone = freshPhone(2, 1000);
  const script = stepScripts[fault.point.step];
  const flowId = await script.prepare(api, sandbox, phone);
  const before = flowId ? await db.query.loginFlows.findFirst({ where: (f, { eq }) => eq(f.id, flowId) }) : undefined;

  const reply = await underFault(sandbox, fault, phone, () => script.act(api, phone, flowId));

  if (fault.survives) {
    expect(reply).toMatchObject({ status: expect.any(Number), body: { step: script.next } });
  } else {
    expect(reply).toMatchObject({ status: 503, body: { error: { code: "telegram_unavailable" } } });
    if (flowId) {
      const after = await db.query.loginFlows.findFirst({ where: (f, { eq }) => eq(f.id, flowId) });
      expect(after).toMatchObject({ step: before?.step, attempts: before?.attempts, lockedUntil: null });
    }
  }
  await expectNoClaimedFlow(db);

  const resumed = reply.status < 300 ? reply : await script.act(api, phone, flowId);
  const sessionId = await finishFlow(api, sandbox, phone, resumed);
  await expectOneWorkingSession(db, sandbox, phone, sessionId);
  await expectNoInvalidSession(db);
}

describeFaultMatrix(
  "login steps under Telegram faults",
  [...transportFaultCases(loginFaultPoints), ...rpcFaultCases(loginRpcFaultPoints)],
  (fault) => fault.source === "transport" && fault.point.name === "code: auth.signIn",
  runCase,
);
