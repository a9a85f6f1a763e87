import type { TelegramFailure } from "./errors";

const sentences: Record<string, string> = {
  PHONE_NUMBER_INVALID: "Telegram says this phone number is not valid. Check the country code and the digits.",
  PHONE_NUMBER_BANNED: "Telegram has banned this phone number.",
  PHONE_NUMBER_UNOCCUPIED: "No Telegram account uses this phone number yet. Sign it up in a Telegram app first.",
  PHONE_NUMBER_FLOOD: "Telegram has received too many code requests for this number. Try again later.",
  PHONE_CODE_INVALID: "That code is not right. Check the latest message from Telegram and try again.",
  PHONE_CODE_EXPIRED: "This code has expired. Ask Telegram for a new one.",
  PHONE_CODE_EMPTY: "Enter the code Telegram sent.",
  PHONE_PASSWORD_FLOOD: "Too many wrong passwords. Telegram blocks new tries for a while.",
  PASSWORD_HASH_INVALID: "That two-step verification password is not right.",
  SRP_ID_INVALID: "The password check went stale. Enter the password again.",
  SRP_PASSWORD_CHANGED: "The account's password was just changed. Enter the new password.",
  AUTH_TOKEN_EXPIRED: "This QR code expired before it was scanned. A new one is shown.",
  AUTH_TOKEN_INVALID: "Telegram did not accept this QR code. Start the QR login again.",
  AUTH_TOKEN_ALREADY_ACCEPTED: "This QR code was already used. Start the QR login again.",
  AUTH_KEY_UNREGISTERED: "Telegram no longer recognises this session; it was logged out.",
  SESSION_REVOKED: "The session was terminated from another device.",
  SESSION_EXPIRED: "The session expired at Telegram.",
  USER_DEACTIVATED: "This Telegram account has been deleted.",
  USER_DEACTIVATED_BAN: "Telegram has banned this account.",
  FROZEN_METHOD_INVALID:
    "Telegram has frozen this account: it can still sign in and read, but not do this. See the session page for the appeal link.",
  FROZEN_PARTICIPANT_MISSING: "Telegram has frozen this account, so it cannot take part here.",
  AUTH_KEY_DUPLICATED: "Telegram saw this session used from two places at once and ended it.",
  NETWORK: "Telegram could not be reached. Try again in a moment.",
};

/** A sentence an admin can act on; never a bare error code. */
export function describeTelegramFailure(failure: TelegramFailure): string {
  if (failure.kind === "flood") return `Telegram asks to wait ${formatWait(failure.seconds ?? 0)} before trying again.`;
  const known = sentences[failure.code];
  if (known) return known;
  if (failure.kind === "transient") return "Telegram had a temporary problem. Try again in a moment.";
  return "Telegram refused this request. Try again, and check the server log if it keeps happening.";
}

export function formatWait(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} minutes`;
  return `${Math.round(seconds / 3600)} hours`;
}
