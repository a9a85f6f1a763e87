import type { SessionStatus } from "@/db/schema/telegram-sessions";

/** The states' names, apart from the badge so the list's client filters ship without badge styles. */
export const statusLabels: Record<SessionStatus, string> = {
  active: "Active",
  degraded: "Degraded",
  invalid: "Invalid",
  revoke_pending: "Revoking",
  revoked: "Revoked",
};

export const sessionStatuses = Object.keys(statusLabels) as SessionStatus[];
