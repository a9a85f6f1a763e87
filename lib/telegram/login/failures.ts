import { DrizzleQueryError } from "drizzle-orm/errors";
import { causes } from "@/lib/api/database-errors";
import { ApiError } from "@/lib/api/errors";
import { VaultDecryptError } from "@/lib/vault";
import { classifyTelegramError, type TelegramFailure } from "../errors";
import { describeTelegramFailure } from "../messages";
import { TelegramNotConfiguredError } from "../target";

/** A Telegram failure as the HTTP API answers it: 429 for waits, 422 for refusals, 503 when unreachable. */
export function loginApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof VaultDecryptError) {
    return new ApiError(
      409,
      "conflict",
      "This login's stored key cannot be read with the configured encryption keys. Start a new login.",
    );
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

/**
 * What a login step throws for `error`: a database failure (say, the audit row could not be written) as it
 * is, for the route wrapper to answer 503 database_unavailable or log and answer 500, never as "Telegram could
 * not be reached"; anything else as `loginApiError` maps it.
 */
export function loginFailure(error: unknown): unknown {
  // A failed statement (drizzle's wrapper) or a SQLSTATE; Node's own codes (EPIPE, ...) start with E, SQLSTATEs never do.
  const fromDatabase = causes(error).some(
    (e) =>
      e instanceof DrizzleQueryError || /^[0-9A-DF-Z][0-9A-Z]{4}$/.test(String((e as { code?: unknown })?.code ?? "")),
  );
  return fromDatabase ? error : loginApiError(error);
}
