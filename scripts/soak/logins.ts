import { randomBytes } from "node:crypto";
import type { SandboxProcess } from "@/scripts/bench/sandbox-process";
import { sandboxPhone } from "@/tests/support/sandbox-sessions";
import { call } from "./http-call";
import { Tally } from "./tally";

type LoginView = { id: string; step: string; sessionId?: string };

const maxInFlight = 4;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Test numbers the seeding never uses (it counts up from 0001 on each DC). */
const loginPhone = (n: number) => sandboxPhone(1 + (n % 3), 6000 + Math.floor(n / 3));

/** One phone → code → 2FA password login through the console's HTTP API; true when it ended in a session. */
async function oneLogin(
  baseUrl: string,
  adminToken: string,
  sandbox: SandboxProcess,
  n: number,
  tally: Tally,
): Promise<boolean> {
  const phone = loginPhone(n);
  const password = randomBytes(12).toString("base64url");
  await sandbox.control("POST", "/accounts", { phone, password });
  const route = "/api/v1/telegram/logins";
  const started = await call<LoginView>(baseUrl, adminToken, tally, {
    method: "POST",
    path: route,
    route,
    body: { phone },
  });
  if (started?.step !== "code") return false;
  const code = phone[5]?.repeat(5);
  const afterCode = await call<LoginView>(baseUrl, adminToken, tally, {
    method: "POST",
    path: `${route}/${started.id}/code`,
    route: `${route}/{id}/code`,
    body: { code },
  });
  if (afterCode?.step !== "password") return false;
  const done = await call<LoginView>(baseUrl, adminToken, tally, {
    method: "POST",
    path: `${route}/${started.id}/password`,
    route: `${route}/{id}/password`,
    body: { password },
  });
  return done?.step === "done" && typeof done.sessionId === "string";
}

export type LoginFigures = { started: number; finished: number; failed: number; p50Ms: number; p99Ms: number };

/** Starts a login every `everyMs` (at most four at once) until `running()` is false; their HTTP calls count in `tally`. */
export async function runLogins(
  baseUrl: string,
  adminToken: string,
  sandbox: SandboxProcess,
  everyMs: number,
  tally: Tally,
  running: () => boolean,
): Promise<LoginFigures> {
  const durations = new Tally();
  const inFlight = new Set<Promise<void>>();
  let started = 0;
  for (let nextAt = performance.now(); running(); nextAt += everyMs) {
    // Short naps, so the stream stops with the run rather than a whole interval later.
    while (running() && performance.now() < nextAt) await sleep(Math.min(250, nextAt - performance.now()));
    if (running() && inFlight.size < maxInFlight) {
      const n = started++;
      const begun = performance.now();
      const login: Promise<void> = oneLogin(baseUrl, adminToken, sandbox, n, tally)
        .catch(() => false)
        .then((ok) => (ok ? durations.ok(performance.now() - begun) : durations.fail("login")))
        .finally(() => inFlight.delete(login));
      inFlight.add(login);
    }
  }
  await Promise.all(inFlight);
  const { p50Ms, p99Ms } = durations.summary();
  return { started, finished: started - durations.errors, failed: durations.errors, p50Ms, p99Ms };
}
