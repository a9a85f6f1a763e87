import { ApiError } from "@/lib/api/errors";
import { VaultDecryptError } from "@/lib/vault";
import { classifyTelegramError, type TelegramFailure } from "../errors";
import { describeTelegramFailure } from "../messages";
import { TelegramNotConfiguredError } from "../target";

/** A Telegram failure as the HTTP API answers it: 429 for waits, 422 for refusals, 503 when unreachable. */
export function loginApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof VaultDecryptError) {
    return new ApiError(409, "conflict", "This login's stored key cannot be read with the configured encryption keys. Start a new login.");
  }
  if (error instanceof TelegramNotConfiguredError) return new ApiError(503, "telegram_unavailable", error.message);
  const failure: TelegramFailure = classifyTelegramError(error);
  const message = describeTelegramFailure(failure);
  if (failure.kind === "flood") {
    return new ApiError(429, "rate_limited", message, { "Retry-After": String(Math.max(1, failure.seconds ?? 60)) });
  }
  if (failure.kind === "transient") return new ApiError(503, "telegram_unavailable", message);
  return new ApiError(422, "telegram_refused", message);
}
