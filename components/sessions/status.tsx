import type { SessionStatus } from "@/db/schema/telegram-sessions";
import { Badge, type BadgeTone } from "@/components/ui/badge";

export const statusLabels: Record<SessionStatus, string> = {
  active: "Active",
  degraded: "Degraded",
  invalid: "Invalid",
  revoke_pending: "Revoking",
  revoked: "Revoked",
};

const statusTones: Record<SessionStatus, BadgeTone> = {
  active: "success",
  degraded: "warning",
  invalid: "danger",
  revoke_pending: "info",
  revoked: "neutral",
};

export const sessionStatuses = Object.keys(statusLabels) as SessionStatus[];

export function StatusBadge({ status }: { status: SessionStatus }) {
  return <Badge tone={statusTones[status]}>{statusLabels[status]}</Badge>;
}
