import type { RefusalCode } from "@/lib/errors/domain";
import { shareAcrossBundles } from "@/lib/errors/shared-class";

/** Every `error.code` the HTTP API can answer with: the domain's refusals and the API's own. */
export type ErrorCode =
  | RefusalCode
  | "unauthenticated"
  | "forbidden"
  | "csrf_rejected"
  | "password_change_required"
  | "second_factor_required"
  | "sign_in_failed"
  | "method_not_allowed"
  | "payload_too_large"
  | "server_busy"
  | "database_unavailable"
  | "internal_error";

/** The HTTP status of each code; clients may switch on the codes. */
export const statusOfCode: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf_rejected: 403,
  password_change_required: 403,
  second_factor_required: 403,
  telegram_method_forbidden: 403,
  telegram_method_not_allowed: 403,
  step_up_required: 403,
  sign_in_failed: 401,
  not_found: 404,
  method_not_allowed: 405,
  payload_too_large: 413,
  conflict: 409,
  login_busy: 409,
  self_change: 409,
  last_admin: 409,
  telegram_refused: 422,
  password_required: 422,
  rate_limited: 429,
  too_many_attempts: 429,
  internal_error: 500,
  telegram_unavailable: 503,
  server_busy: 503,
  database_unavailable: 503,
};

export type ErrorBody = {
  error: { code: ErrorCode; message: string; fields?: Record<string, string>; telegramError?: string };
};

/** An answer the API gives instead of data; the wrapper turns it into `{error:{code,message}}` with its status. */
export class ApiError extends Error {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly fields?: Record<string, string>;
  /** For telegram_refused: Telegram's own error name (PEER_ID_INVALID). */
  readonly telegramError?: string;

  constructor(
    readonly code: ErrorCode,
    message: string,
    extra: { headers?: Record<string, string>; fields?: Record<string, string>; telegramError?: string } = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.status = statusOfCode[code];
    this.headers = extra.headers;
    this.fields = extra.fields;
    this.telegramError = extra.telegramError;
  }
}

shareAcrossBundles("ApiError", ApiError);
