import { expect } from "vitest";
import type { TestSandbox } from "@/sandbox/test/helpers";

export type TransportFaultKind = "drop" | "stall" | "404" | "delay";
export const transportFaultKinds: TransportFaultKind[] = ["drop", "stall", "404", "delay"];

/** How long a `delay` fault holds its packet: well inside the console's deadlines, so the work must finish. */
export const faultDelayMs = 300;

/**
 * A point in an operation: the request the fault must hit, found by counting the packets of one scope
 * (the account's keys when `phone` is set, every connection otherwise; key-exchange packets count too).
 * `before` are the requests the sandbox answers first, in order ("method", or "method:ERROR" for a refusal); `hit` is the request the fault lands on,
 * or null when it lands on the key exchange. `survives`: fault kinds after which the work still succeeds
 * (GramJS redials a failed key exchange itself); a delay always must.
 */
export type FaultPoint = {
  name: string;
  skip: number;
  scoped: boolean;
  before: string[];
  hit: string | null;
  survives?: TransportFaultKind[];
};

/** Whether the operation must succeed despite this fault (otherwise it must fail with a typed error). */
export const survivesFault = (point: FaultPoint, kind: TransportFaultKind) =>
  kind === "delay" || (point.survives ?? []).includes(kind);

/**
 * Arms a transport fault on the (skip+1)-th packet of the scope. Faults are taken in the order they were
 * added, so a zero-length `delay` with `times: skip` lets the first packets through untouched.
 */
export function armTransportFault(
  sandbox: TestSandbox,
  kind: TransportFaultKind,
  point: FaultPoint,
  phone: string,
): void {
  const scope = point.scoped ? { phone } : {};
  if (point.skip > 0) sandbox.addTransportFault({ kind: "delay", ms: 0, times: point.skip, ...scope });
  sandbox.addTransportFault({ kind, ms: faultDelayMs, times: 1, ...scope });
}

/**
 * The sandbox's request log from here on, as "method:result" (never arguments): requests of `phone` and of
 * keys of no account (a new login's), not a late answer to an earlier case's abandoned request, and not the
 * sandbox's bad_server_salt notices (a connection without a stored salt gets one; the points below count them).
 */
export function requestLogFrom(sandbox: TestSandbox, phone: string): () => string[] {
  const start = sandbox.log().length;
  const ours = (entry: { phone?: string; method: string }) =>
    (entry.phone === undefined || entry.phone === phone) && entry.method !== "bad_server_salt";
  return () =>
    sandbox
      .log()
      .slice(start)
      .filter(ours)
      .map((entry) => `${entry.method}:${entry.result}`);
}

/**
 * Proves the fault landed where the case says: the requests before the point were answered, the one at the
 * point never reached the sandbox's dispatcher (drop, stall, -404), or was answered late (delay).
 */
export function expectFaultHit(requests: string[], kind: TransportFaultKind, point: FaultPoint): void {
  const answered = point.before.map((method) => (method.includes(":") ? method : `${method}:ok`));
  if (kind === "delay") {
    expect(requests.slice(0, answered.length + (point.hit ? 1 : 0))).toEqual(
      point.hit ? [...answered, `${point.hit}:ok`] : answered,
    );
    return;
  }
  expect(requests.slice(0, answered.length)).toEqual(answered);
  if (point.hit) expect(requests.slice(answered.length, answered.length + 1)).not.toEqual([`${point.hit}:ok`]);
}

/** One fault of a matrix, armed at the sandbox just before the operation runs. */
export type FaultCase<P> = {
  label: string;
  source: "transport" | "rpc";
  point: P;
  /** Whether the operation must still succeed (otherwise it must end with a typed, transient error). */
  survives: boolean;
  arm(sandbox: TestSandbox, phone: string): void;
  /** Asserts from the sandbox's request log that the fault hit the request it was meant for. */
  expectHit(requests: string[]): void;
};

/** Every point of the operation with every transport fault kind. */
export function transportFaultCases<P extends FaultPoint>(points: P[]): FaultCase<P>[] {
  return points.flatMap((point) =>
    transportFaultKinds.map((kind) => {
      let armedAt = 0;
      return {
        label: `${kind} at ${point.name}`,
        source: "transport" as const,
        point,
        survives: survivesFault(point, kind),
        arm: (sandbox: TestSandbox, phone: string) => {
          armedAt = performance.now();
          armTransportFault(sandbox, kind, point, phone);
        },
        expectHit: (requests: string[]) => {
          expectFaultHit(requests, kind, point);
          if (kind === "delay") expect(performance.now() - armedAt).toBeGreaterThanOrEqual(faultDelayMs);
        },
      };
    }),
  );
}

/** A request Telegram answers with an RPC error; `scoped` limits the fault to the account's number. */
export type RpcFaultPoint = { name: string; method: string; scoped: boolean; survives?: boolean };

/** Transient RPC errors (a session stays usable after them): a server error and Telegram's internal timeout. */
export const transientRpcErrors = [
  { error: "AUTH_RESTART", code: 500 },
  { error: "TIMEOUT", code: -503 },
];

/** Every point with every transient RPC error, answered until the faults are cleared (GramJS retries server errors). */
export function rpcFaultCases<P extends RpcFaultPoint>(points: P[]): FaultCase<P>[] {
  return points.flatMap((point) =>
    transientRpcErrors.map(({ error, code }) => ({
      label: `${error} (${code}) at ${point.name}`,
      source: "rpc" as const,
      point,
      survives: point.survives ?? false,
      arm: (sandbox: TestSandbox, phone: string) =>
        sandbox.addFault({ method: point.method, error, code, times: 0, ...(point.scoped ? { phone } : {}) }),
      expectHit: (requests: string[]) => expect(requests).toContain(`${point.method}:${error}`),
    })),
  );
}

/** Runs `work` with the fault armed for `phone`, clears the faults, and proves from the log that it hit. */
export async function underFault<T>(
  sandbox: TestSandbox,
  fault: FaultCase<unknown>,
  phone: string,
  work: () => Promise<T>,
): Promise<T> {
  const requests = requestLogFrom(sandbox, phone);
  fault.arm(sandbox, phone);
  let result: T;
  try {
    result = await work();
  } finally {
    sandbox.clearFaults();
  }
  fault.expectHit(requests());
  return result;
}
