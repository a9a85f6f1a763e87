import { ApiError } from "@/lib/api/errors";
import { sessionClientError } from "@/lib/api/session-client-errors";
import { TelegramFailure } from "@/lib/telegram/errors";

/** Device-list changes as the API answers them; Telegram's 24-hour rule gets a sentence an admin can act on. */
export function reconcileApiError(error: unknown): unknown {
  if (error instanceof TelegramFailure && error.code === "FRESH_RESET_AUTHORISATION_FORBIDDEN") {
    return new ApiError(
      422,
      "telegram_refused",
      "Telegram lets a session end other devices only once it is 24 hours old. Try again later, or through an older session of this account.",
    );
  }
  if (error instanceof TelegramFailure && error.code === "HASH_INVALID")
    return new ApiError(404, "not_found", "That device is no longer logged in.");
  return sessionClientError(error);
}
