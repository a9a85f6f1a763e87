import type { Db, DbOrTx } from "@/db";
import type { Role } from "@/db/schema";
import { insertAuditEntry } from "@/db/queries/audit";
import { hasRole, type Actor } from "@/lib/auth/actor";
import type { AuditAction } from "@/lib/audit/actions";
import { auditEntry } from "@/lib/audit/entry";
import { log } from "@/lib/log";
import { apiErrorFromDatabase, rootCause } from "./database-errors";
import { ApiError } from "./errors";
import { isSameOrigin } from "./origin";
import { parseInput, type InputSchemas, type Parsed } from "./parse-input";
import { errorReply, jsonReply } from "./reply";

export type RouteDeps = { getDb(): Promise<Db>; getActor(headers: Headers): Promise<Actor | null> };

export type RouteInput<S extends InputSchemas> = { body: Parsed<S["body"]>; query: Parsed<S["query"]>; params: Parsed<S["params"]> };
export type RouteContext<S extends InputSchemas> = RouteInput<S> & { actor: Actor; db: DbOrTx; request: Request };

/** What a mutation records; `result` is absent when it failed. Never put secrets in `detail`. */
export type AuditSpec<S extends InputSchemas, R> = {
  action: AuditAction;
  target?: (input: RouteInput<S>, result?: R) => string | null | undefined;
  detail?: (input: RouteInput<S>, result?: R) => Record<string, unknown>;
};

/** A route with `audit` is a mutation (never GET, runs in one transaction with its audit row); without, a read. */
export type RouteOptions<S extends InputSchemas, R> = S & { role: Role; status?: number; audit?: AuditSpec<S, R> };

export type NextRouteHandler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

const readMethods = new Set(["GET", "HEAD"]);

export function createApiRoute(deps: RouteDeps) {
  return function apiRoute<S extends InputSchemas, R>(
    options: RouteOptions<S, R>,
    handler: (context: RouteContext<S>) => Promise<R>,
  ): NextRouteHandler {
    const { audit } = options;
    return async (request, routeContext) => {
      let actor: Actor | null = null;
      let input: RouteInput<S> | undefined;
      try {
        if (readMethods.has(request.method) === Boolean(audit)) {
          throw new ApiError(405, "method_not_allowed", "This method is not allowed here.");
        }
        const db = await deps.getDb();
        actor = await deps.getActor(request.headers);
        if (!actor) throw new ApiError(401, "unauthenticated", "Sign in or send a valid API token.");
        if (audit && actor.kind === "user" && !isSameOrigin(request)) {
          throw new ApiError(403, "csrf_rejected", "This request did not come from the console.");
        }
        if (!hasRole(actor, options.role)) throw new ApiError(403, "forbidden", "Your role does not allow this.");
        input = await parseInput(request, routeContext?.params, options);
        const context = { ...input, actor, request };
        if (!audit) return jsonReply(await handler({ ...context, db }), options.status);
        const done = await db.transaction(async (tx) => {
          const result = await handler({ ...context, db: tx });
          const entry = auditEntry(context.actor, request, { action: audit.action, outcome: "success", ...facts(audit, context, result) });
          await insertAuditEntry(tx, entry);
          return result;
        });
        return jsonReply(done, options.status);
      } catch (error) {
        const apiError = error instanceof ApiError ? error : apiErrorFromDatabase(error);
        if (!apiError) {
          log.error({ err: rootCause(error), method: request.method, path: new URL(request.url).pathname }, "api route failed");
          return errorReply(new ApiError(500, "internal_error", "Something went wrong on our side. It has been logged."));
        }
        // A forged cross-site request is not the actor's act, and a 5xx is ours, not theirs.
        if (audit && actor && apiError.code !== "csrf_rejected" && apiError.status < 500) {
          await recordFailure(deps, actor, request, audit, input);
        }
        return errorReply(apiError);
      }
    };
  };
}

function facts<S extends InputSchemas, R>(audit: AuditSpec<S, R>, input: RouteInput<S> | undefined, result?: R) {
  if (!input) return {};
  return { target: audit.target?.(input, result), detail: audit.detail?.(input, result) };
}

/** Refused or failed mutations are recorded too, outside the rolled-back transaction. */
async function recordFailure<S extends InputSchemas, R>(deps: RouteDeps, actor: Actor, request: Request, audit: AuditSpec<S, R>, input?: RouteInput<S>) {
  try {
    const entry = auditEntry(actor, request, { action: audit.action, outcome: "failure", ...facts(audit, input) });
    await insertAuditEntry(await deps.getDb(), entry);
  } catch (error) {
    log.error({ err: rootCause(error), action: audit.action }, "could not record a failed action in the audit log");
  }
}
