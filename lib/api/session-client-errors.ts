import { FloodWaitActiveError, SessionBusyError, SessionUnavailableError } from "@/lib/telegram/connection/errors";
import { TelegramFailure } from "@/lib/telegram/errors";
import { loginApiError } from "@/lib/telegram/login/failures";
import { TelegramNotConfiguredError } from "@/lib/telegram/target";
import { VaultDecryptError } from "@/lib/vault";
import { ApiError, notFound, rateLimited } from "./errors";

/**
 * What a route answers when work through withSessionClient fails: 404, 409 (busy, revoked, undecryptable),
 * 429 with Retry-After, 422 or 503. Anything else is returned as it is, for the wrapper (database trouble, bugs).
 */
export function sessionClientError(error: unknown): unknown {
  if (error instanceof ApiError) return error;
  if (error instanceof SessionBusyError) return new ApiError(409, "conflict", error.message);
  if (error instanceof FloodWaitActiveError) return rateLimited(error.retryAfterSeconds, error.message);
  if (error instanceof SessionUnavailableError)
    return error.reason === "not_found" ? notFound("The session") : new ApiError(409, "conflict", error.message);
  if (error instanceof VaultDecryptError) {
    return new ApiError(
      409,
      "conflict",
      "This session's stored key cannot be read with the configured encryption keys.",
    );
  }
  if (error instanceof TelegramFailure || error instanceof TelegramNotConfiguredError) return loginApiError(error);
  return error;
}
