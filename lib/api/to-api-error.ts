import { errors } from "telegram";
import { isDatabaseUnavailable, sqlState } from "@/db/errors";
import { EmailTakenError } from "@/db/queries/users";
import { DomainError } from "@/lib/errors/domain";
import { classifyTelegramError, TelegramFailure } from "@/lib/telegram/errors";
import { describeTelegramFailure } from "@/lib/telegram/messages";
import { TelegramNotConfiguredError } from "@/lib/telegram/target";
import { VaultDecryptError } from "@/lib/vault/errors";
import { ApiError } from "./errors";

const internalError = () => new ApiError("internal_error", "Something went wrong on our side. It has been logged.");

/**
 * How the API answers any failure: refusals with their own code and sentence, Telegram's failures by kind,
 * database trouble a request can provoke as 4xx or 503, and anything else as 500 internal_error (which the
 * caller logs: it is a bug or an outage of ours).
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof DomainError) return fromRefusal(error);
  if (error instanceof VaultDecryptError) {
    return new ApiError("conflict", "This session's stored key cannot be read with the configured encryption keys.");
  }
  if (error instanceof TelegramNotConfiguredError) return new ApiError("telegram_unavailable", error.message);
  // Clients outside the connection manager (a rotation's fresh key) throw GramJS's RPC errors as they come.
  if (error instanceof TelegramFailure || error instanceof errors.RPCError) {
    return fromTelegram(classifyTelegramError(error));
  }
  if (error instanceof EmailTakenError) return new ApiError("conflict", "A member with that email already exists.");
  return fromDatabase(error) ?? internalError();
}

function fromRefusal({ code, message, details }: DomainError): ApiError {
  const retryAfter = details.retryAfterSeconds;
  const headers = retryAfter === undefined ? undefined : { "Retry-After": String(Math.max(1, Math.ceil(retryAfter))) };
  return new ApiError(code, message, { headers, fields: details.fields });
}

function fromTelegram(failure: TelegramFailure): ApiError {
  const message = describeTelegramFailure(failure);
  if (failure.kind === "flood") {
    return new ApiError("rate_limited", message, {
      headers: { "Retry-After": String(Math.max(1, failure.seconds ?? 60)) },
    });
  }
  if (failure.kind === "transient") return new ApiError("telegram_unavailable", message);
  return new ApiError("telegram_refused", message, { telegramError: failure.code });
}

/** Statement errors that request data can provoke (a duplicate, a vanished reference, a refused value) are 4xx. */
function fromDatabase(error: unknown): ApiError | undefined {
  if (isDatabaseUnavailable(error))
    return new ApiError("database_unavailable", "The database is not reachable. Try again shortly.");
  const state = sqlState(error);
  if (state === "23505") return new ApiError("conflict", "That already exists.");
  if (state === "23503") return new ApiError("conflict", "That refers to something that no longer exists.");
  if (state?.startsWith("22")) return new ApiError("invalid_input", "A value was not accepted.");
  return undefined;
}
