import { shareAcrossBundles } from "./shared-class";

/** What a refusal means, whoever asked; the HTTP API gives each its status (lib/api/errors.ts). */
export type RefusalCode =
  | "invalid_input"
  | "not_found"
  | "conflict"
  | "login_busy"
  | "self_change"
  | "last_admin"
  | "telegram_refused"
  | "password_required"
  | "telegram_unavailable"
  | "rate_limited"
  | "too_many_attempts"
  | "telegram_method_forbidden"
  | "telegram_method_not_allowed"
  | "step_up_required";

export type RefusalDetails = {
  /** For rate_limited and too_many_attempts: when asking again can succeed. */
  retryAfterSeconds?: number;
  /** Messages by input field; never a secret. */
  fields?: Record<string, string>;
};

/**
 * An expected refusal from domain code, in a sentence the person who asked can act on. Domain modules throw
 * these (or subclasses) and know nothing of HTTP; the route wrapper turns them into answers.
 */
export class DomainError extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
    readonly details: RefusalDetails = {},
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const notFound = (what: string) => new DomainError("not_found", `${what} was not found.`);

shareAcrossBundles("DomainError", DomainError);
