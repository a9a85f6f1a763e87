import type { Actor, UseGrant } from "./actors";

const escape = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, "\\$&");

/** `messages.Get*` → every method whose name starts so; `*` alone → every method. Case-sensitive, like class names. */
export function methodMatcher(patterns: string[]): (method: string) => boolean {
  const expressions = patterns.map((pattern) => new RegExp(`^${escape(pattern).replace(/\*/g, "[\\w.]*")}$`));
  return (method) => expressions.some((expression) => expression.test(method));
}

/** Whether a `use` grant covers this session (no selector: every session). */
export function grantCoversSession(grant: UseGrant, sessionId: string): boolean {
  return grant.sessionIds === null || grant.sessionIds.includes(sessionId);
}

/** Who invokes, for the call log, with a `use` token's limits. */
export function invokerOf(actor: Actor) {
  const use = actor.kind === "token" ? actor.use : undefined;
  return {
    tokenId: actor.kind === "token" ? actor.id : null,
    label: actor.label,
    logParams: use?.logParams ?? false,
    mayCall: use ? methodMatcher(use.methods) : undefined,
    mayUse: use ? (sessionId: string) => grantCoversSession(use, sessionId) : undefined,
  };
}

/** A `use` token's longest lease when it names none. */
export const defaultLeaseTtlSeconds = 3600;

/**
 * Whether `actor` may take a lease on `sessionId`, and for how long at most: admins always (up to `adminMax`), a
 * `use` token only with `lease` granted, on a session its selector covers ("outside": it does not exist for it;
 * null: a lease it already holds).
 */
export function leaseAllowance(
  actor: Actor,
  sessionId: string | null,
  adminMax: number,
): { allowed: true; maxTtlSeconds: number } | { allowed: false; why: "no_lease" | "outside" } {
  const use = actor.kind === "token" ? actor.use : undefined;
  if (!use) return { allowed: true, maxTtlSeconds: adminMax };
  if (!use.mayLease) return { allowed: false, why: "no_lease" };
  if (sessionId !== null && !grantCoversSession(use, sessionId)) return { allowed: false, why: "outside" };
  return { allowed: true, maxTtlSeconds: use.maxLeaseTtlSeconds ?? defaultLeaseTtlSeconds };
}
