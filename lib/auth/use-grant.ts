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
