import type { DbOrTx, Tx } from "@/db";
import type { SessionStatus } from "@/db/schema";
import { checkedStatuses, findCheckTarget, recordCheckOutcome } from "@/db/queries/session-health";
import { releaseLease } from "@/db/queries/session-leases";
import { recordCheck } from "@/lib/metrics/health";
import { SessionUnavailableError } from "@/lib/telegram/connection/errors";
import { connectionManager, type ConnectionManager } from "@/lib/telegram/connection/manager";
import { finishClaimedCheck, type ClaimedCheck } from "./claimed-check";
import { healthConfig, type HealthConfig } from "./config";
import type { CheckResultKind } from "./events";
import { decide, type Decision } from "./outcome";
import { probe, probeMethod } from "./probe";

export type CheckResult = {
  sessionId: string;
  /** "skipped": the session is invalid, revoke_pending or revoked, and is never checked. */
  result: CheckResultKind | "skipped";
  status: SessionStatus;
  errorCode: string | null;
  connectMs: number | null;
  requestMs: number | null;
  checkedAt: string;
};

export type CheckOptions = {
  manager?: ConnectionManager;
  config?: HealthConfig;
  /** Runs the final writes, e.g. in a route's transaction together with its audit row. */
  commit?: <T>(work: (tx: Tx) => Promise<T>) => Promise<T>;
  /** The sweep's claim (lease taken, session read): the check reads nothing more and ends with one write. */
  claimed?: ClaimedCheck;
};

/**
 * Checks one session now and records the outcome (see outcome.ts). Throws SessionUnavailableError (no such
 * session), SessionBusyError (another process holds it) and configuration errors; Telegram's answers,
 * including flood waits, are results.
 */
export async function checkSession(db: DbOrTx, sessionId: string, options: CheckOptions = {}): Promise<CheckResult> {
  const config = options.config ?? healthConfig();
  const manager = options.manager ?? connectionManager();
  const session = options.claimed ?? (await findCheckTarget(db, sessionId));
  if (!session) throw new SessionUnavailableError(sessionId, "not_found");
  const now = new Date();
  if (!checkedStatuses.includes(session.status)) {
    return {
      sessionId,
      result: "skipped",
      status: session.status,
      errorCode: null,
      connectMs: null,
      requestMs: null,
      checkedAt: now.toISOString(),
    };
  }
  const started = performance.now();
  const outcome = await probe(db, manager, session, config, options.claimed);
  const decision = decide(session, outcome, probeMethod, new Date(), config);
  const write = (tx: DbOrTx) => recordCheckOutcome(tx, sessionId, decision.patch, decision);
  const written = options.claimed
    ? await finishClaimed(db, sessionId, manager.owner, decision, write)
    : options.commit
      ? await options.commit(write)
      : await db.transaction(write);
  recordCheck(decision.result, (performance.now() - started) / 1000);
  const { detail } = decision;
  return {
    sessionId,
    result: decision.result,
    status: written ? detail.to : ((await findCheckTarget(db, sessionId))?.status ?? detail.to),
    errorCode: detail.errorCode ?? null,
    connectMs: detail.connectMs,
    requestMs: detail.requestMs,
    checkedAt: detail.at,
  };
}

/** One statement when the session is still checkable and the lease ours; otherwise the ordinary write and release. */
async function finishClaimed(
  db: DbOrTx,
  sessionId: string,
  owner: string,
  decision: Decision,
  write: (tx: DbOrTx) => Promise<boolean>,
): Promise<boolean> {
  if (await finishClaimedCheck(db, sessionId, owner, decision)) return true;
  const written = await db.transaction(write);
  await releaseLease(db, sessionId, owner);
  return written;
}
