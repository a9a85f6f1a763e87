import { isDatabaseError } from "@/db/errors";
import { DomainError } from "@/lib/errors/domain";
import { countLoginAttempt } from "@/lib/metrics/login";
import { VaultDecryptError } from "@/lib/vault";
import { classifyTelegramError } from "../errors";
import { TelegramNotConfiguredError } from "../target";

/**
 * What a login step throws for `error`: the console's own refusals, a missing Telegram configuration and
 * database failures (say, the audit row could not be written) as they are, never as "Telegram could not be
 * reached"; a stored key that cannot be read as a refusal; anything else as Telegram's failure, classified.
 */
export function loginFailure(error: unknown): unknown {
  if (error instanceof DomainError || error instanceof TelegramNotConfiguredError || isDatabaseError(error))
    return error;
  if (error instanceof VaultDecryptError) {
    return new DomainError(
      "conflict",
      "This login's stored key cannot be read with the configured encryption keys. Start a new login.",
    );
  }
  return classifyTelegramError(error);
}

/** Counts a failed login step by its class (see countLoginAttempt). */
export function countFailedLoginAttempt(error: unknown): void {
  countLoginAttempt(error instanceof DomainError ? "rejected" : classifyTelegramError(error).kind);
}
