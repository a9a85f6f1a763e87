import { shareAcrossBundles } from "@/lib/errors/shared-class";

/** Every `error.code` the HTTP API can answer with; clients may switch on these. */
export type ErrorCode =
  | "invalid_input"
  | "unauthenticated"
  | "forbidden"
  | "csrf_rejected"
  | "password_change_required"
  | "not_found"
  | "method_not_allowed"
  | "conflict"
  | "self_change"
  | "last_admin"
  | "telegram_refused"
  | "password_required"
  | "telegram_unavailable"
  | "rate_limited"
  | "too_many_attempts"
  | "payload_too_large"
  | "server_busy"
  | "database_unavailable"
  | "internal_error";

export type ErrorBody = { error: { code: ErrorCode; message: string; fields?: Record<string, string> } };

/** An expected failure with its HTTP status; the wrapper turns it into `{error:{code,message}}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly headers?: Record<string, string>,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const notFound = (what: string) => new ApiError(404, "not_found", `${what} was not found.`);

export function rateLimited(retryAfterSeconds: number, message = "Too many attempts. Try again later."): ApiError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new ApiError(429, "rate_limited", message, { "Retry-After": String(seconds) });
}

shareAcrossBundles("ApiError", ApiError);
