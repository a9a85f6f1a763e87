import { getDb } from "@/db";
import { getActor } from "@/lib/auth/request-actor";
import { forgetVerifiedTokens, type Actor, type UserActor } from "@/lib/auth/actors";
import { ApiError } from "./errors";
import { createApiRoute, declareLike } from "./route";

const route = createApiRoute({ getDb, getActor });

/**
 * The one wrapper every /api/v1 route handler uses: authenticate → same-origin check for cookie
 * mutations → role → validate → run (mutations in one transaction with their audit row) → JSON, no-store.
 * After a mutation (a token revoked, a member disabled or made viewer) this process looks every token up again.
 */
export const apiRoute: typeof route = (options, handler) => {
  const answer = route(options, handler);
  if (!options.audit) return answer;
  return declareLike(async (request, context) => {
    try {
      return await answer(request, context);
    } finally {
      forgetVerifiedTokens();
    }
  }, answer);
};

/** Second factors belong to a member signed in with a browser; an API token manages none. */
export function signedInMember(actor: Actor): UserActor {
  if (actor.kind !== "user") throw new ApiError("forbidden", "Second factors are managed by a signed-in member.");
  return actor;
}
