import { DomainError } from "@/lib/errors/domain";
import type { Json } from "./tl-json";

/** Telegram's service account: login codes arrive in its chat. */
export const serviceAccountId = "777000";

// account.* methods that touch the account's authorizations, password, email, phone, push devices (where login
// codes can be delivered), passport data, data export or deletion.
const accountForbidden =
  /authorization|password|email|phone|device|deleteaccount|accountttl|securevalue|takeout|signincodes|updateconnectedbot/;
// Logging in to websites as the account (URL authorization) hands them the account's identity.
const messagesForbidden = /^(requesturlauth|accepturlauth)$/;

/**
 * Why `method` may never run through invoke, whatever a token allows; undefined when it may. Decided from the
 * name alone (any case), before the params are read: `auth.*`, the account's security methods, a connected
 * business bot, logging in to websites by URL authorization, `smsjobs.*` (sending paid SMS from the account's
 * phone), and every method outside a namespace, which are the wrappers that carry another call (invokeWithLayer, initConnection,
 * invokeAfterMsg, invokeWithTakeout, …) and MTProto's own service calls.
 */
export function forbiddenReason(method: string): string | undefined {
  const name = method.toLowerCase();
  const dot = name.indexOf(".");
  if (dot < 0) return "Wrapper and service calls cannot be sent through the console.";
  const [space, call] = [name.slice(0, dot), name.slice(dot + 1)];
  if (space === "auth") return "Login and logout calls (auth.*) cannot be sent through the console.";
  if (space === "account" && accountForbidden.test(call))
    return "Calls on the account's authorizations, password, email, phone, connected bots or deletion cannot be sent through the console.";
  if (space === "messages" && messagesForbidden.test(call))
    return "Signing in to websites as the account cannot be done through the console.";
  if (space === "smsjobs") return "SMS jobs (smsjobs.*) cannot be run through the console.";
  return undefined;
}

export class ForbiddenMethodError extends DomainError {
  constructor(
    readonly method: string,
    reason: string,
  ) {
    super("telegram_method_forbidden", `${method} is never allowed: ${reason}`);
    this.name = "ForbiddenMethodError";
  }
}

/** Refuses a forbidden method by name. */
export function assertMethodPermitted(method: string): void {
  const reason = forbiddenReason(method);
  if (reason) throw new ForbiddenMethodError(method, reason);
}

/** Deeper than any TL object Telegram sends or accepts: past it, a value counts as the service account's. */
const maxDepth = 64;

/** True when any user named in the request (a userId anywhere in it) is the service account; true past `maxDepth`. */
export function touchesServiceAccount(request: unknown, depth = 0): boolean {
  if (depth > maxDepth) return true;
  if (typeof request !== "object" || request === null) return false;
  if (Array.isArray(request)) return request.some((item) => touchesServiceAccount(item, depth + 1));
  for (const [key, value] of Object.entries(request as Record<string, unknown>)) {
    if (key === "originalArgs") continue;
    if (key === "userId" && value !== null && value !== undefined && String(value) === serviceAccountId) return true;
    if (typeof value === "object" && !Buffer.isBuffer(value) && touchesServiceAccount(value, depth + 1)) return true;
  }
  return false;
}

const userConstructors = new Set(["User", "UserEmpty", "UserFull"]);

/**
 * Whether a result object (as JSON) is the service account's: the user itself, anything naming it by userId (a
 * peer, a short message), or holding such an object in a field (a message in its chat, its dialog, an update
 * carrying such a message). Lists inside are not judged here: `withoutServiceAccount` filters them.
 */
function ofServiceAccount(value: Json, depth: number): boolean {
  if (depth > maxDepth) return true;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  if (value.userId === serviceAccountId) return true;
  if (typeof value._ === "string" && userConstructors.has(value._) && value.id === serviceAccountId) return true;
  return Object.values(value).some((item) => !Array.isArray(item) && ofServiceAccount(item, depth + 1));
}

function strip(value: Json, depth: number): Json {
  if (depth > maxDepth) return null;
  if (Array.isArray(value)) {
    return value.filter((item) => !ofServiceAccount(item, depth + 1)).map((item) => strip(item, depth + 1));
  }
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, strip(item, depth + 1)]));
}

/**
 * A result without the service account 777000 (where login codes arrive): its messages, dialog and user are left
 * out of every list. A result that is itself the service account's (its resolved peer, its full user) is refused.
 */
export function withoutServiceAccount(result: Json, method: string): Json {
  if (ofServiceAccount(result, 0)) {
    throw new ForbiddenMethodError(
      method,
      `results about Telegram's service account ${serviceAccountId} are withheld.`,
    );
  }
  return strip(result, 0);
}
