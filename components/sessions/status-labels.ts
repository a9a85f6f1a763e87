import type { SessionStatus } from "@/db/schema/telegram-sessions";

/** The states' names, apart from the badge so the list's client filters ship without badge styles. */
export const statusLabels: Record<SessionStatus, string> = {
  active: "Active",
  degraded: "Degraded",
  invalid: "Invalid",
  revoke_pending: "Revoking",
  revoked: "Revoked",
  frozen: "Frozen",
  banned: "Banned",
  deactivated: "Deleted account",
};

export const sessionStatuses = Object.keys(statusLabels) as SessionStatus[];

/** What the session's `authFailures` counter counts: any failed check, not only refusals of its authorization. */
export const failedChecksHint =
  "Health checks that failed in a row, for any reason (network, timeout, Telegram refusing the key); a successful check resets it. Rate limits do not count.";
