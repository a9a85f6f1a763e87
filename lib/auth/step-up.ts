import { DomainError } from "@/lib/errors/domain";
import type { Actor } from "./actors";

/** A sensitive action asks for the second factor again when the last proof is older than this. */
export const stepUpWindowSeconds = 10 * 60;

/**
 * For sensitive actions (routes with `stepUp: true`): a member signed in with a cookie who has a confirmed second
 * factor must have proved it (at sign-in or through a step-up) at most `stepUpWindowSeconds` ago, or the action is
 * refused with `step_up_required` (the page then asks for the factor and retries). Members without a factor and API
 * tokens pass.
 */
export function requireRecentFactor(actor: Actor, now = Math.floor(Date.now() / 1000)): void {
  if (actor.kind !== "user" || !actor.hasFactor) return;
  if (actor.factorAt !== null && now - actor.factorAt <= stepUpWindowSeconds) return;
  throw new DomainError("step_up_required", "Confirm it is you with your second factor, then try again.");
}
