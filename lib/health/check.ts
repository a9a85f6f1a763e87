import { Api, type TelegramClient } from "telegram";
import type { DbOrTx, Tx } from "@/db";
import {
  checkedStatuses,
  claimDeviceReconcile,
  findCheckTarget,
  finishClaimedCheck,
  recordCheckOutcome,
  type CheckPatch,
  type CheckTarget,
  type ClaimedCheck,
} from "@/db/queries/session-health";
import { releaseLease } from "@/db/queries/session-leases";
import type {
  AlertDraft,
  AlertKind,
  CheckEventDetail,
  CheckResultKind,
  RestrictionReason,
  SessionStatus,
} from "@/db/schema";
import { log } from "@/lib/log";
import { reconcileAuthorizations } from "@/lib/reconcile/reconcile";
import { recordCheck } from "@/lib/metrics/health";
import { backoffMs } from "@/lib/telegram/connection/backoff";
import { FloodWaitActiveError, SessionUnavailableError } from "@/lib/telegram/connection/errors";
import type { ClaimedLease } from "@/lib/telegram/connection/live-session";
import { connectionManager, type ConnectionManager } from "@/lib/telegram/connection/manager";
import { classifyTelegramError, TelegramFailure } from "@/lib/telegram/errors";
import { VaultDecryptError } from "@/lib/vault";
import { healthConfig, type HealthConfig } from "./config";
import { readAccountState, type Freeze } from "./account-state";

export type CheckResult = {
  sessionId: string;
  /** "skipped": the session is dead, revoke_pending or revoked, and is never checked. */
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
  if (await finishClaimedCheck(db, sessionId, owner, decision.patch, decision)) return true;
  const written = await db.transaction(write);
  await releaseLease(db, sessionId, owner);
  return written;
}

/** Needs a logged-in key (help.getConfig would answer any key and prove nothing). */
export const probeMethod = "users.GetUsers";

/**
 * Connects and asks for our own user (its restriction reasons) and the app config (a freeze); every few hours
 * also reads authorization_ttl_days for the expiry forecast, and every RECONCILE_INTERVAL_MINUTES reconciles the
 * account's device list. Telegram's answers become an outcome; a busy lease, a missing session or missing Telegram
 * configuration are thrown, as they say nothing about the session's health.
 */
export async function probe(
  db: DbOrTx,
  manager: ConnectionManager,
  session: CheckTarget,
  config: HealthConfig,
  claimed?: ClaimedLease,
): Promise<ProbeOutcome> {
  let connectMs: number | null = null;
  const ttlDue =
    !session.ttlCheckedAt || Date.now() - session.ttlCheckedAt.getTime() > config.ttlRefreshHours * 3_600_000;
  try {
    return await manager.run(
      db,
      session.id,
      async (client, info) => {
        connectMs = info.connectMs;
        const started = performance.now();
        const [self] = await client.invoke(new Api.users.GetUsers({ id: [new Api.InputUserSelf()] }));
        const requestMs = Math.round(performance.now() - started);
        const state = await readAccountState(client, self);
        const ttlDays = await readDevices(db, client, session, config, ttlDue);
        return { kind: "ok", connectMs: info.connectMs, requestMs, ttlDays, ...state };
      },
      { method: probeMethod, keepAlive: false, claimed },
    );
  } catch (error) {
    if (error instanceof FloodWaitActiveError) return { kind: "flood", method: error.method, until: error.until };
    if (error instanceof VaultDecryptError) return { kind: "unreadable" };
    // Only a TelegramFailure is Telegram's answer (or the network to it failing); anything else is ours.
    if (!(error instanceof TelegramFailure)) throw error;
    return {
      kind: "failed",
      errorClass: error.kind === "flood" ? "transient" : error.kind,
      code: error.code,
      connectMs,
    };
  }
}

/**
 * Reads the account's device list when the expiry forecast or the account's device reconcile is due, one request
 * for both: authorization_ttl_days, and the foreign devices and ended console sessions the list shows
 * (lib/reconcile). Both are by-products: the session already answered, so a refusal here only delays them.
 */
async function readDevices(
  db: DbOrTx,
  client: TelegramClient,
  session: CheckTarget,
  config: HealthConfig,
  ttlDue: boolean,
): Promise<number | undefined> {
  const reconcileDue =
    !session.devicesReconciledAt ||
    Date.now() - session.devicesReconciledAt.getTime() > config.reconcileMinutes * 60_000;
  const reconcile = reconcileDue && (await claimDeviceReconcile(db, session.accountId, config.reconcileMinutes));
  if (!ttlDue && !reconcile) return undefined;
  let list: Api.account.Authorizations;
  try {
    list = await client.invoke(new Api.account.GetAuthorizations());
  } catch (error) {
    log.info({ sessionId: session.id, errorCode: classifyTelegramError(error).code }, "could not read the device list");
    return undefined;
  }
  if (reconcile) await reconcileAuthorizations(db, session.id, list);
  return ttlDue ? list.authorizationTtlDays : undefined;
}

/** What a probe found out. */
export type ProbeOutcome =
  | {
      kind: "ok";
      connectMs: number;
      requestMs: number;
      ttlDays?: number;
      /** Set while Telegram keeps the account frozen. */
      freeze?: Freeze;
      restrictions: RestrictionReason[];
    }
  | { kind: "failed"; errorClass: "terminal" | "transient" | "refused"; code: string; connectMs: number | null }
  | { kind: "flood"; method: string; until: Date }
  /** The stored session does not decrypt with the configured keys: nothing was asked of Telegram. */
  | { kind: "unreadable" };

export type Decision = {
  result: CheckResultKind;
  patch: CheckPatch;
  detail: CheckEventDetail;
  latencyMs: number | null;
  /** Written with the outcome (the outbox): only changes raise them, so a session stuck in a state raises one. */
  alerts: AlertDraft[];
};

const dayMs = 86_400_000;

/**
 * The session health state machine (docs/architecture.md). Only a terminal answer makes a session dead (banned,
 * deactivated or invalid); anything without a definite answer (network, timeouts, 5xx, other refusals) makes it
 * degraded and retried sooner with backoff. Success makes it active, or frozen while the app config says so. authFailures counts consecutive failed checks and resets on success.
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
      const [result, to] = outcome.freeze ? (["frozen", "frozen"] as const) : (["ok", "active"] as const);
      const patch: CheckPatch = {
        status: to,
        frozenSince: outcome.freeze?.since ?? null,
        frozenUntil: outcome.freeze?.until ?? null,
        freezeAppealUrl: outcome.freeze?.appealUrl ?? null,
        restrictions: outcome.restrictions.length ? outcome.restrictions : null,
        authFailures: 0,
        lastError: null,
        lastCheckAt: now,
        lastUsedAt: now,
        nextCheckAt: nextRegularCheck(now, config.intervalSeconds),
        lastLatencyMs: outcome.requestMs,
        expiresAt: ttlDays ? new Date(now.getTime() + ttlDays * dayMs) : null,
        ...(outcome.ttlDays === undefined ? {} : { authorizationTtlDays: outcome.ttlDays, ttlCheckedAt: now }),
      };
      const detail = event(result, to, { connectMs: outcome.connectMs, requestMs: outcome.requestMs });
      const alerts: AlertDraft[] = [];
      if (session.status !== to && to === "active")
        alerts.push({ kind: "session.recovered", details: { from: session.status } });
      if (patch.expiresAt && comesWithin(patch.expiresAt, now, config) && !comesWithin(session.expiresAt, now, config))
        alerts.push({
          kind: "session.expiring",
          details: { expiresAt: patch.expiresAt.toISOString(), withinDays: config.expiringDays },
        });
      if (outcome.freeze && session.status !== "frozen") {
        const { since, until, appealUrl } = outcome.freeze;
        alerts.push({
          kind: "session.frozen",
          details: { since: since.toISOString(), until: until?.toISOString() ?? null, appealUrl },
        });
      }
      return { result, patch, detail, latencyMs: outcome.requestMs, alerts };
    }
    case "failed": {
      const failures = session.authFailures + 1;
      const [result, to] =
        outcome.errorClass === "terminal"
          ? (["invalid", deadStatusOf(outcome.code)] as const)
          : (["degraded", "degraded"] as const);
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
      const evidence = { errorCode: outcome.code, errorClass: outcome.errorClass, method, at: detail.at };
      const alerts: AlertDraft[] =
        outcome.errorClass === "terminal"
          ? [{ kind: deadAlerts[to] ?? "session.invalid", details: evidence }]
          : session.status === "active"
            ? [{ kind: "session.degraded", details: evidence }]
            : [];
      // Telegram says SESSION_REVOKED of a key ended from another of the account's devices.
      if (outcome.code === "SESSION_REVOKED") alerts.push({ kind: "session.revoked_elsewhere", details: evidence });
      return { result, patch, detail, latencyMs: null, alerts };
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
        alerts: [],
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
        alerts: session.decryptFailed
          ? []
          : [{ kind: "session.undecryptable", details: { errorCode: "DECRYPT_FAILED" } }],
      };
  }
}

function comesWithin(expiresAt: Date | null, now: Date, config: HealthConfig): boolean {
  return expiresAt !== null && expiresAt.getTime() - now.getTime() <= config.expiringDays * dayMs;
}

const deadAlerts: Partial<Record<SessionStatus, AlertKind>> = {
  banned: "session.banned",
  deactivated: "session.deactivated",
};

/** A terminal answer worded apart: the account banned or deleted, else the key refused (invalid). */
export function deadStatusOf(code: string): SessionStatus {
  if (code === "USER_DEACTIVATED_BAN" || code === "PHONE_NUMBER_BANNED") return "banned";
  if (code === "USER_DEACTIVATED") return "deactivated";
  return "invalid";
}

/** ±10 % around the interval, so sessions added together do not stay in lock-step forever. */
export function nextRegularCheck(now: Date, intervalSeconds: number, random: () => number = Math.random): Date {
  const ms = intervalSeconds * 1000 * (0.9 + 0.2 * random());
  return new Date(now.getTime() + ms);
}

/** A degraded session is retried sooner: base · 2^(failures-1), jittered, never later than the regular interval. */
export function nextRetry(
  now: Date,
  failures: number,
  baseSeconds: number,
  intervalSeconds: number,
  random: () => number = Math.random,
): Date {
  return new Date(now.getTime() + backoffMs(failures - 1, baseSeconds * 1000, intervalSeconds * 1000, random));
}

/** After a flood wait: just past its end, spread a little so waits that end together do not stampede. */
export function afterWait(until: Date, random: () => number = Math.random): Date {
  return new Date(until.getTime() + 1000 + random() * 4000);
}
