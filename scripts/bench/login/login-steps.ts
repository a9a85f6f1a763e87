import { performance } from "node:perf_hooks";
import type { LoginDeps } from "@/lib/telegram/login/deps";

export type StepTimes = { start: StepTime; code: StepTime; password: StepTime };
/**
 * `mainMs`: time the console's main thread (its event loop) was busy, the time nothing else could be served;
 * `offMainMs`: process CPU beyond that (the SRP worker thread, GC helpers); `wallMs` includes waiting for the
 * sandbox and Postgres, which run in other processes.
 */
export type StepTime = { mainMs: number; offMainMs: number; wallMs: number };

async function timed<T>(work: () => Promise<T>): Promise<[T, StepTime]> {
  const loop = performance.eventLoopUtilization();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await work();
  const used = process.cpuUsage(cpu);
  const mainMs = performance.eventLoopUtilization(loop).active;
  return [
    result,
    { mainMs, offMainMs: Math.max(0, (used.user + used.system) / 1000 - mainMs), wallMs: performance.now() - started },
  ];
}

/** One phone → code → 2FA password login through the console's login steps, each step timed. */
export async function timeOneLogin(deps: LoginDeps, phone: string, code: string, password: string): Promise<StepTimes> {
  const { startPhoneLogin } = await import("@/lib/telegram/login/start");
  const { submitCode } = await import("@/lib/telegram/login/code");
  const { submitPassword } = await import("@/lib/telegram/login/password");
  const [{ flow }, start] = await timed(() => startPhoneLogin(deps, phone));
  const [afterCode, codeStep] = await timed(() => submitCode(deps, flow.id, code));
  if (afterCode.flow.step !== "password") throw new Error(`expected the password step, got ${afterCode.flow.step}`);
  const [done, passwordStep] = await timed(() => submitPassword(deps, flow.id, password));
  if (done.flow.step !== "done") throw new Error(`login did not finish: ${done.flow.step}`);
  return { start, code: codeStep, password: passwordStep };
}
