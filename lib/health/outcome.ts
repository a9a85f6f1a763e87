import type { SessionStatus } from "@/db/schema";
import type { CheckPatch, CheckTarget } from "@/db/queries/session-health";
import type { CheckEventDetail, CheckResultKind } from "./events";
import type { HealthConfig } from "./config";
import { afterWait, nextRegularCheck, nextRetry } from "./schedule";

/** What a probe found out. */
export type ProbeOutcome =
  | { kind: "ok"; connectMs: number; requestMs: number; ttlDays?: number }
  | { kind: "failed"; errorClass: "terminal" | "transient" | "refused"; code: string; connectMs: number | null }
  | { kind: "flood"; method: string; until: Date }
  /** The stored session does not decrypt with the configured keys: nothing was asked of Telegram. */
  | { kind: "unreadable" };

export type Decision = {
  result: CheckResultKind;
  patch: CheckPatch;
  detail: CheckEventDetail;
  latencyMs: number | null;
};

const dayMs = 86_400_000;

/**
 * The session health state machine (docs/architecture.md). Only a terminal answer makes a session invalid;
 * anything without a definite answer (network, timeouts, 5xx, other refusals) makes it degraded and retried
 * sooner with backoff. Success makes it active. authFailures counts consecutive failed checks and resets on success.
 * A flood wait is not a failure: the status stays and the next check comes just after the wait.
 */
export function decide(
  session: CheckTarget,
  outcome: ProbeOutcome,
  method: string,
  now: Date,
  config: HealthConfig,
): Decision {
  const event = (
    result: CheckResultKind,
    to: SessionStatus,
    rest: Partial<CheckEventDetail> = {},
  ): CheckEventDetail => ({
    result,
    from: session.status,
    to,
    connectMs: null,
    requestMs: null,
    at: now.toISOString(),
    method,
    ...rest,
  });
  switch (outcome.kind) {
    case "ok": {
      const ttlDays = outcome.ttlDays ?? session.authorizationTtlDays;
      const patch: CheckPatch = {
        status: "active",
        authFailures: 0,
        lastError: null,
        lastCheckAt: now,
        lastUsedAt: now,
        nextCheckAt: nextRegularCheck(now, config.intervalSeconds),
        lastLatencyMs: outcome.requestMs,
        expiresAt: ttlDays ? new Date(now.getTime() + ttlDays * dayMs) : null,
        ...(outcome.ttlDays === undefined ? {} : { authorizationTtlDays: outcome.ttlDays, ttlCheckedAt: now }),
      };
      const detail = event("ok", "active", { connectMs: outcome.connectMs, requestMs: outcome.requestMs });
      return { result: "ok", patch, detail, latencyMs: outcome.requestMs };
    }
    case "failed": {
      const failures = session.authFailures + 1;
      const [result, to] =
        outcome.errorClass === "terminal" ? (["invalid", "invalid"] as const) : (["degraded", "degraded"] as const);
      const patch: CheckPatch = {
        status: to,
        authFailures: failures,
        lastError: outcome.code,
        lastCheckAt: now,
        nextCheckAt: nextRetry(now, failures, config.retryBaseSeconds, config.intervalSeconds),
      };
      const detail = event(result, to, {
        errorClass: outcome.errorClass,
        errorCode: outcome.code,
        connectMs: outcome.connectMs,
      });
      return { result, patch, detail, latencyMs: null };
    }
    case "flood":
      return {
        result: "flood_wait",
        patch: { lastCheckAt: now, nextCheckAt: afterWait(outcome.until) },
        detail: event("flood_wait", session.status, {
          errorClass: "flood",
          errorCode: "FLOOD_WAIT",
          method: outcome.method,
        }),
        latencyMs: null,
      };
    case "unreadable":
      return {
        result: "error",
        patch: {
          decryptFailed: true,
          lastError: "DECRYPT_FAILED",
          lastCheckAt: now,
          nextCheckAt: nextRegularCheck(now, config.intervalSeconds),
        },
        detail: event("error", session.status, { errorClass: "decrypt", errorCode: "DECRYPT_FAILED" }),
        latencyMs: null,
      };
  }
}
