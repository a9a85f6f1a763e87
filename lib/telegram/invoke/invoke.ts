import type { Db } from "@/db";
import { insertSessionCall, sessionStatus } from "@/db/queries/session-calls";
import { usableStatuses } from "@/db/schema";
import { DomainError, notFound } from "@/lib/errors/domain";
import { log } from "@/lib/log";
import { invokeCallsTotal, invokeDuration } from "@/lib/metrics/invoke";
import type { ConnectionManager } from "../connection/manager";
import { classifyTelegramError, TelegramFailure } from "../errors";
import {
  assertMethodPermitted,
  ForbiddenMethodError,
  serviceAccountId,
  touchesServiceAccount,
  withoutServiceAccount,
} from "./denylist";
import { toJson, toRequest, type Json } from "./tl-json";

export type InvokeCall = { method: string; params: unknown };

/** Who calls, for the call log: a token (null for a member signed in) and whether its parameters are kept. */
export type InvokeCaller = {
  tokenId: string | null;
  label: string;
  logParams: boolean;
  /** The token's method allowlist, checked after the denylist; undefined: any method the denylist leaves. */
  mayCall?: (method: string) => boolean;
  /** The token's session selector; a session outside it does not exist for the caller (404). */
  mayUse?: (sessionId: string) => boolean;
};

export type InvokeDeps = { db: Db; manager: ConnectionManager };

export type InvokeReply = { result: Json };

/**
 * Runs one Telegram method on a managed session's own connection (its lease, queue and flood ledger), the key
 * never leaving the console. Refused, in this order: a method that is never allowed (by its name alone), one the
 * caller's allowlist does not name (a session outside its selector does not exist for it), params that do not fit the method, a call on the service account 777000, a
 * session that is not usable (active, degraded or frozen) when its turn comes. The service account's messages, dialog and user are
 * left out of the result. Every call on an existing session is logged.
 */
export async function invokeOnSession(
  deps: InvokeDeps,
  sessionId: string,
  call: InvokeCall,
  caller: InvokeCaller,
): Promise<InvokeReply> {
  assertMethodPermitted(call.method);
  if ((caller.mayUse && !caller.mayUse(sessionId)) || !(await sessionStatus(deps.db, sessionId)))
    throw notFound("The session");
  const started = performance.now();
  try {
    if (caller.mayCall && !caller.mayCall(call.method)) {
      throw new DomainError("telegram_method_not_allowed", `This token may not call ${call.method}.`);
    }
    const request = toRequest(call.method, call.params);
    if (touchesServiceAccount(request)) {
      throw new ForbiddenMethodError(
        call.method,
        `calls on Telegram's service account ${serviceAccountId} are refused.`,
      );
    }
    const result = await deps.manager.run(
      deps.db,
      sessionId,
      async (client) => {
        const status = await sessionStatus(deps.db, sessionId);
        if (!status || !usableStatuses.includes(status)) {
          throw new DomainError("conflict", `This session is ${status ?? "gone"}; it cannot be used.`);
        }
        return client.invoke(request);
      },
      { method: call.method },
    );
    const reply = { result: withoutServiceAccount(toJson(result), call.method) };
    await record(deps.db, sessionId, call, caller, started, { outcome: "ok" });
    return reply;
  } catch (error) {
    await record(deps.db, sessionId, call, caller, started, outcomeOf(error));
    throw error;
  }
}

type Outcome = { outcome: string; telegramError?: string };

/** The error code the caller will see (the API's mapping of the same failures). */
function outcomeOf(error: unknown): Outcome {
  if (error instanceof DomainError) return { outcome: error.code };
  if (error instanceof TelegramFailure || (error instanceof Error && "errorMessage" in error)) {
    const failure = classifyTelegramError(error);
    if (failure.kind === "flood") return { outcome: "rate_limited", telegramError: failure.code };
    if (failure.kind === "transient") return { outcome: "telegram_unavailable", telegramError: failure.code };
    return { outcome: "telegram_refused", telegramError: failure.code };
  }
  return { outcome: "internal_error" };
}

async function record(
  db: Db,
  sessionId: string,
  call: InvokeCall,
  caller: InvokeCaller,
  started: number,
  { outcome, telegramError }: Outcome,
): Promise<void> {
  const latencyMs = Math.round(performance.now() - started);
  invokeCallsTotal().inc({ outcome });
  invokeDuration().observe(latencyMs / 1000);
  await insertSessionCall(db, {
    sessionId,
    tokenId: caller.tokenId,
    actorLabel: caller.label,
    method: call.method,
    outcome,
    telegramError: telegramError ?? null,
    latencyMs,
    params: caller.logParams ? (call.params as Json) : null,
  }).catch((error: unknown) => log.warn({ err: error, sessionId }, "could not record a call in the call log"));
}
