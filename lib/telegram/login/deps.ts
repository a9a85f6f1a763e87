import type { DbOrTx, Tx } from "@/db";
import type { Actor } from "@/lib/auth/actors";
import { env } from "@/lib/env";
import { loadKeyRing, type KeyRing } from "@/lib/vault";

/** Runs the final writes of a step in one transaction, together with the request's audit row. */
export type Commit = <T>(work: (tx: Tx) => Promise<T>) => Promise<T>;

export type LoginDeps = { db: DbOrTx; ring: KeyRing; actor: Actor; commit: Commit };

/** How long a flow lives. */
export const flowLifetimeMs = 15 * 60 * 1000;

/**
 * How long one step may hold a flow: its connect and request deadlines with half again as slack (60 s with
 * the defaults). A step whose process died holds it no longer, so recovery can take the flow over.
 */
export function stepLockSeconds(): number {
  const { TELEGRAM_CONNECT_TIMEOUT_MS, TELEGRAM_REQUEST_TIMEOUT_MS } = env();
  return Math.ceil((1.5 * (TELEGRAM_CONNECT_TIMEOUT_MS + TELEGRAM_REQUEST_TIMEOUT_MS)) / 1000);
}

type ManualRouteContext = { db: DbOrTx; actor: Actor; commit<T>(work: (tx: Tx) => Promise<T>): Promise<T> };

/** What a login step needs, from a route's context (routes with `transaction: "manual"`). */
export function loginDeps({ db, actor, commit }: ManualRouteContext): LoginDeps {
  return { db, actor, ring: loadKeyRing(), commit: (work) => commit(work) };
}
