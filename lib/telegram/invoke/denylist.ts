import { DomainError } from "@/lib/errors/domain";

/** Telegram's service account: login codes arrive in its chat. */
export const serviceAccountId = "777000";

// account.* methods that touch the account's authorizations, password, email, phone, push devices (where login
// codes can be delivered), passport data, data export or deletion.
const accountForbidden =
  /authorization|password|email|phone|device|deleteaccount|accountttl|securevalue|takeout|signincodes/;

/**
 * Why `method` may never run through invoke, whatever a token allows; undefined when it may. Decided from the
 * name alone (any case), before the params are read: `auth.*`, the account's security methods, and every method
 * outside a namespace, which are the wrappers that carry another call (invokeWithLayer, initConnection,
 * invokeAfterMsg, invokeWithTakeout, …) and MTProto's own service calls.
 */
export function forbiddenReason(method: string): string | undefined {
  const name = method.toLowerCase();
  const dot = name.indexOf(".");
  if (dot < 0) return "Wrapper and service calls cannot be sent through the console.";
  const [space, call] = [name.slice(0, dot), name.slice(dot + 1)];
  if (space === "auth") return "Login and logout calls (auth.*) cannot be sent through the console.";
  if (space === "account" && accountForbidden.test(call))
    return "Calls on the account's authorizations, password, email, phone or deletion cannot be sent through the console.";
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

/** True when any user named in the request (a userId anywhere in it) is the service account. */
export function touchesServiceAccount(request: unknown, depth = 0): boolean {
  if (depth > 32 || typeof request !== "object" || request === null) return false;
  if (Array.isArray(request)) return request.some((item) => touchesServiceAccount(item, depth + 1));
  for (const [key, value] of Object.entries(request as Record<string, unknown>)) {
    if (key === "originalArgs") continue;
    if (key === "userId" && value !== null && value !== undefined && String(value) === serviceAccountId) return true;
    if (typeof value === "object" && !Buffer.isBuffer(value) && touchesServiceAccount(value, depth + 1)) return true;
  }
  return false;
}
