import { auditActorId, type Actor } from "@/lib/auth/actors";

/** Who asked for a revoke or rotation, kept on the pending row so a later retry can name them. */
export type Requester = { actorId: string | null; actorLabel: string };

export const systemRequester: Requester = { actorId: null, actorLabel: "system" };

export function requesterOf(actor: Actor): Requester {
  return { actorId: auditActorId(actor), actorLabel: actor.label };
}
