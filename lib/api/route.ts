import type { z } from "zod";
import type { Db, DbOrTx, Tx } from "@/db";
import type { Role } from "@/db/schema";
import { hasRole, type Actor } from "@/lib/auth/actors";
import { enrolFactorPath } from "@/lib/auth/cookies";
import { requireRecentFactor } from "@/lib/auth/step-up";
import { requestMeta, writeAudit, type AuditAction } from "@/lib/audit";
import { log } from "@/lib/log";
import { rootCause } from "@/db/errors";
import { ApiError } from "./errors";
import { isSameOrigin } from "./origin";
import { parseInput, type Parsed, type Schema } from "./parse-input";
import { errorReply, jsonReply } from "./reply";
import { toApiError } from "./to-api-error";

export type RouteDeps = { getDb(): Promise<Db>; getActor(headers: Headers): Promise<Actor | null> };

type Maybe = Schema | undefined;

export type RouteInput<B extends Maybe, Q extends Maybe, P extends Maybe> = {
  body: Parsed<B>;
  query: Parsed<Q>;
  params: Parsed<P>;
};
/** Facts for the audit row that only the handler learns (say, the email of the member it found). No secrets. */
export type AuditNote = {
  target?: string;
  detail?: Record<string, unknown>;
  /** A `transaction: "manual"` mutation that changed nothing worth recording (a poll that found no news). */
  quiet?: boolean;
};

export type RouteContext<B extends Maybe, Q extends Maybe, P extends Maybe> = RouteInput<B, Q, P> & {
  actor: Actor;
  db: DbOrTx;
  request: Request;
  /** Adds to this mutation's audit row, whether it then succeeds or fails. */
  note(facts: AuditNote): void;
  /**
   * Routes with `transaction: "manual"` (those that talk to Telegram, which must not happen inside an open
   * transaction) get the plain `db` and call this for their final writes; the audit row joins that transaction.
   */
  commit<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /** Answers with this status instead of the route's (a request that queued a job: 202). */
  setStatus(status: number): void;
  /** Sets a cookie on a successful answer (the sign-in cookie re-issued after a second-factor proof). */
  setCookie(cookie: ReplyCookie): void;
};

export type ReplyCookie = {
  name: string;
  value: string;
  options: { httpOnly: boolean; sameSite: "lax"; path: string; secure: boolean; maxAge: number };
};

function serializeCookie({ name, value, options }: ReplyCookie): string {
  const flags = [`Path=${options.path}`, `Max-Age=${options.maxAge}`, "SameSite=Lax"];
  if (options.httpOnly) flags.push("HttpOnly");
  if (options.secure) flags.push("Secure");
  return [`${name}=${value}`, ...flags].join("; ");
}

/** What a mutation records, from its validated input; the handler may `note` more. Never put secrets in `detail`. */
export type AuditSpec<I> = {
  action: AuditAction;
  target?: (input: I) => string | undefined;
  detail?: (input: I) => Record<string, unknown>;
};

/**
 * A route with `audit` is a mutation (never GET, runs in one transaction with its audit row); without, a read.
 * These options are also the route's OpenAPI declaration (lib/api/openapi.ts): the document is built from the very
 * schemas the wrapper validates with, and `response` is the schema of the success body (the handler must return
 * a value of its type; the contract test checks every answer the tests see against the document).
 */
export type RouteOptions<
  B extends Maybe,
  Q extends Maybe,
  P extends Maybe,
  Res extends Schema = Schema,
  Alt extends Schema = never,
> = {
  /** One line for the API reference. */
  summary: string;
  description?: string;
  response: Res;
  /** Other success answers, by the status the handler sets with `setStatus` (an import queued as a job: 202). */
  otherResponses?: Record<number, Alt>;
  /**
   * For a route that reads its own body (multipart uploads): the schemas it checks the body with, by content type.
   * Only the document reads these; `body` is the wrapper's.
   */
  documentedBody?: Record<string, Schema>;
  role: Role;
  body?: B;
  /** A request without a body is validated as `{}`; a body that is sent must still be JSON, within the limit. */
  optionalBody?: boolean;
  query?: Q;
  params?: P;
  status?: number;
  audit?: AuditSpec<RouteInput<B, Q, P>>;
  /**
   * A `use` token (made by a member still an admin) may call this route, whatever `role` says; it may call no
   * route without this. The handler applies the token's limits (`actor.use`).
   */
  use?: true;
  /** Open to an admin who must add a second factor first (the enrolment routes). */
  enrolment?: true;
  /** A sensitive action: a member with a second factor must have proved it recently (`requireRecentFactor`). */
  stepUp?: true;
  /** "wrap" (default): the whole handler runs in the mutation's transaction. "manual": see `commit`. */
  transaction?: "wrap" | "manual";
};

/** What a route declares, kept beside its handler for the OpenAPI document and the contract test. */
export type RouteDeclaration = Omit<RouteOptions<Maybe, Maybe, Maybe, Schema, Schema>, "audit"> & {
  auditAction?: AuditAction;
};

const declarations = new WeakMap<object, RouteDeclaration>();

/** The declaration of a handler made by apiRoute (undefined for any other function). */
export function routeDeclaration(handler: unknown): RouteDeclaration | undefined {
  return typeof handler === "function" ? declarations.get(handler) : undefined;
}

/** Gives `wrapper` the declaration of the handler it wraps. */
export function declareLike<H extends object>(wrapper: H, handler: object): H {
  const declaration = declarations.get(handler);
  if (declaration) declarations.set(wrapper, declaration);
  return wrapper;
}

export type NextRouteHandler = (
  request: Request,
  context: { params: Promise<Record<string, string | string[]>> },
) => Promise<Response>;

const readMethods = new Set(["GET", "HEAD"]);

export function createApiRoute(deps: RouteDeps) {
  return function apiRoute<
    B extends Maybe = undefined,
    Q extends Maybe = undefined,
    P extends Maybe = undefined,
    Res extends Schema = Schema,
    Alt extends Schema = never,
  >(
    options: RouteOptions<B, Q, P, Res, Alt>,
    handler: (context: RouteContext<B, Q, P>) => Promise<z.input<Res> | z.input<Alt>>,
  ): NextRouteHandler {
    const { audit } = options;
    const route: NextRouteHandler = async (request, routeContext) => {
      let actor: Actor | null = null;
      let input: RouteInput<B, Q, P> | undefined;
      const noted: AuditNote = {};
      let cookie: ReplyCookie | undefined;
      const setCookie = (value: ReplyCookie) => {
        cookie = value;
      };
      let status = options.status;
      const setStatus = (value: number) => {
        status = value;
      };
      const reply = (data: unknown) =>
        jsonReply(data, status, cookie ? { "Set-Cookie": serializeCookie(cookie) } : undefined);
      const note = (facts: AuditNote) => {
        noted.target = facts.target ?? noted.target;
        noted.detail = { ...noted.detail, ...facts.detail };
        noted.quiet = facts.quiet ?? noted.quiet;
      };
      try {
        if (readMethods.has(request.method) === Boolean(audit)) {
          throw new ApiError("method_not_allowed", "This method is not allowed here.");
        }
        const db = await deps.getDb();
        actor = await deps.getActor(request.headers);
        if (!actor) throw new ApiError("unauthenticated", "Sign in or send a valid API token.");
        if (audit && actor.kind === "user" && !isSameOrigin(request)) {
          throw new ApiError("csrf_rejected", "This request did not come from the console.");
        }
        if (actor.kind === "user" && actor.mustChangePassword) {
          throw new ApiError("password_change_required", "Set a new password on /change-password first.");
        }
        if (actor.kind === "user" && actor.mustEnrolFactor && !options.enrolment) {
          throw new ApiError("second_factor_required", `Add a second factor on ${enrolFactorPath} first.`);
        }
        if (actor.kind === "token" && actor.scope === "use") {
          if (!options.use || !actor.use)
            throw new ApiError("forbidden", "A use token may only invoke methods and take leases.");
        } else if (!hasRole(actor, options.role)) throw new ApiError("forbidden", "Your role does not allow this.");
        if (options.stepUp) requireRecentFactor(actor);
        input = (await parseInput(request, routeContext?.params, options)) as RouteInput<B, Q, P>;
        const refuseCommit = () => Promise.reject(new Error('commit() is only for routes with transaction: "manual"'));
        const context = { ...input, actor, request, note, setCookie, setStatus, commit: refuseCommit };
        if (!audit) return reply(await handler({ ...context, db }));
        const [who, parsed] = [actor, input];
        const auditSuccess = (tx: DbOrTx) =>
          writeAudit(
            tx,
            who,
            { action: audit.action, outcome: "success", ...facts(audit, parsed, noted) },
            requestMeta(request.headers),
          );
        if (options.transaction === "manual") {
          let committed = false;
          const commit = <T>(work: (tx: Tx) => Promise<T>) =>
            db.transaction(async (tx) => {
              const result = await work(tx);
              await auditSuccess(tx);
              committed = true;
              return result;
            });
          const result = await handler({ ...context, db, commit });
          if (!committed && !noted.quiet) await auditSuccess(db);
          return reply(result);
        }
        const done = await db.transaction(async (tx) => {
          const result = await handler({ ...context, db: tx });
          await auditSuccess(tx);
          return result;
        });
        return reply(done);
      } catch (error) {
        const apiError = toApiError(error);
        if (apiError.code === "internal_error") {
          log.error(
            { err: rootCause(error), method: request.method, path: new URL(request.url).pathname },
            "api route failed",
          );
        }
        // A forged cross-site request is not the actor's act, and a 5xx is ours, not theirs.
        if (audit && actor && apiError.code !== "csrf_rejected" && apiError.status < 500) {
          await recordFailure(deps, actor, request, audit, facts(audit, input, noted));
        }
        return errorReply(apiError);
      }
    };
    const { audit: _, ...declared } = options;
    declarations.set(route, { ...declared, ...(audit && { auditAction: audit.action }) } as RouteDeclaration);
    return route;
  };
}

function facts<I>(audit: AuditSpec<I>, input: I | undefined, noted: AuditNote) {
  const fromInput = input === undefined ? {} : { target: audit.target?.(input), detail: audit.detail?.(input) };
  const detail = { ...fromInput.detail, ...noted.detail };
  return { target: noted.target ?? fromInput.target, detail: Object.keys(detail).length ? detail : undefined };
}

/** Refused or failed mutations are recorded too, outside the rolled-back transaction. */
async function recordFailure<I>(
  deps: RouteDeps,
  actor: Actor,
  request: Request,
  audit: AuditSpec<I>,
  known: AuditNote,
) {
  try {
    const failure = { action: audit.action, outcome: "failure" as const, ...known };
    await writeAudit(await deps.getDb(), actor, failure, requestMeta(request.headers));
  } catch (error) {
    log.error({ err: rootCause(error), action: audit.action }, "could not record a failed action in the audit log");
  }
}
