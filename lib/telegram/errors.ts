import { errors } from "telegram";
import { shareAcrossBundles } from "@/lib/errors/shared-class";

/**
 * terminal: the session is dead at Telegram (needs a new login). flood: Telegram asks us to wait.
 * transient: no definite answer (network, timeouts, 5xx) — never a reason to call a session dead.
 * refused: Telegram answered the request with a definite "no" (bad code, wrong password, ...).
 */
export type TelegramFailureKind = "terminal" | "flood" | "transient" | "refused";

export const terminalCodes = new Set([
  "AUTH_KEY_UNREGISTERED",
  "AUTH_KEY_INVALID",
  "SESSION_REVOKED",
  "SESSION_EXPIRED",
  "USER_DEACTIVATED",
  "USER_DEACTIVATED_BAN",
  "AUTH_KEY_DUPLICATED",
  "AUTH_KEY_PERM_EMPTY",
]);

const transientCodes = new Set(["AUTH_RESTART", "RPC_CALL_FAIL", "RPC_MCGET_FAIL", "TIMEOUT", "NEED_MEMBER_INVALID"]);

export class TelegramFailure extends Error {
  constructor(
    readonly kind: TelegramFailureKind,
    /** Telegram's error name (e.g. PHONE_CODE_INVALID), or NETWORK for failures below the RPC layer. */
    readonly code: string,
    /** Seconds to wait, for flood failures. */
    readonly seconds?: number,
  ) {
    super(kind === "flood" ? `Telegram asked to wait ${seconds} s (${code})` : `Telegram ${kind} failure: ${code}`);
    this.name = "TelegramFailure";
  }
}

/** Maps anything GramJS throws to a domain failure: by class first, then by RPC code and error name. */
export function classifyTelegramError(error: unknown): TelegramFailure {
  if (error instanceof TelegramFailure) return error;
  // Only Telegram's waits go to the flood ledger: another 420 (FROZEN_METHOD_INVALID, slow mode) is a refusal.
  if (error instanceof errors.FloodWaitError || error instanceof errors.FloodTestPhoneWaitError) {
    const seconds = "seconds" in error && typeof error.seconds === "number" ? error.seconds : 60;
    return new TelegramFailure("flood", error.errorMessage === "FLOOD" ? "FLOOD_WAIT" : error.errorMessage, seconds);
  }
  if (error instanceof errors.SlowModeWaitError) return new TelegramFailure("refused", "SLOWMODE_WAIT");
  if (error instanceof errors.RPCError) {
    const name = error.errorMessage;
    if (terminalCodes.has(name)) return new TelegramFailure("terminal", name);
    if (transientCodes.has(name) || error.code === undefined || error.code >= 500 || error.code === -503) {
      return new TelegramFailure("transient", name);
    }
    return new TelegramFailure("refused", name);
  }
  return new TelegramFailure("transient", "NETWORK");
}

shareAcrossBundles("TelegramFailure", TelegramFailure);
