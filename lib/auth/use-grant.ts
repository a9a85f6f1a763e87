import type { Actor } from "./actors";

/** Who invokes, for the call log and the token's limits. */
export function invokerOf(actor: Actor) {
  return { tokenId: actor.kind === "token" ? actor.id : null, label: actor.label, logParams: false };
}
