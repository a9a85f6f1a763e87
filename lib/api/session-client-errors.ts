import { TelegramFailure, type TelegramFailureKind } from "@/lib/telegram/errors";
import { loginApiError } from "@/lib/telegram/login/failures";
import { TelegramNotConfiguredError } from "@/lib/telegram/target";
import { ApiError, notFound, rateLimited } from "./errors";

type Named = Error & Record<string, unknown>;

/**
 * Matched by name, not instanceof: the process-wide connection manager may have been built by another bundle
 * of these modules (Next compiles instrumentation and each route separately), whose error classes are other objects.
 */
const named = (error: unknown, name: string): error is Named => error instanceof Error && error.name === name;

/**
 * What a route answers when work through withSessionClient fails: 404, 409 (busy, revoked, undecryptable),
 * 429 with Retry-After, 422 or 503. Anything else is returned as it is, for the wrapper (database trouble, bugs).
 */
export function sessionClientError(error: unknown): unknown {
  if (error instanceof ApiError) return error;
  if (named(error, "SessionBusyError")) return new ApiError(409, "conflict", error.message);
  if (named(error, "FloodWaitActiveError")) return rateLimited(Number(error.retryAfterSeconds) || 1, error.message);
  if (named(error, "SessionUnavailableError")) return error.reason === "not_found" ? notFound("The session") : new ApiError(409, "conflict", error.message);
  if (named(error, "VaultDecryptError")) {
    return new ApiError(409, "conflict", "This session's stored key cannot be read with the configured encryption keys.");
  }
  if (named(error, "TelegramFailure")) {
    const seconds = typeof error.seconds === "number" ? error.seconds : undefined;
    return loginApiError(new TelegramFailure(error.kind as TelegramFailureKind, String(error.code), seconds));
  }
  if (error instanceof TelegramNotConfiguredError) return loginApiError(error);
  return error;
}
