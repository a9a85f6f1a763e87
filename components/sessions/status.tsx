import type { SessionStatus } from "@/db/schema/telegram-sessions";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { statusLabels } from "./status-labels";

const statusTones: Record<SessionStatus, BadgeTone> = {
  active: "success",
  degraded: "warning",
  invalid: "danger",
  revoke_pending: "info",
  revoked: "neutral",
  frozen: "info",
  banned: "danger",
  deactivated: "danger",
};

export function StatusBadge({ status }: { status: SessionStatus }) {
  return <Badge tone={statusTones[status]}>{statusLabels[status]}</Badge>;
}
