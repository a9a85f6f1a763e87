import type { NewAuditEntry } from "@/db/schema";
import { clientIp } from "@/lib/api/client-ip";
import { auditActorId, type Actor } from "@/lib/auth/actors";

export type AuditFacts = {
  action: string;
  outcome: "success" | "failure";
  target?: string | null;
  detail?: Record<string, unknown>;
};

const maxUserAgent = 300;

/** An audit row for something `actor` did through `request`. Callers pass no secrets in `detail`. */
export function auditEntry(actor: Actor, request: Request, facts: AuditFacts): NewAuditEntry {
  return {
    actorId: auditActorId(actor),
    actorLabel: actor.label,
    action: facts.action,
    target: facts.target ?? null,
    ip: clientIp(request.headers),
    userAgent: request.headers.get("user-agent")?.slice(0, maxUserAgent) ?? null,
    outcome: facts.outcome,
    detail: facts.detail ?? null,
  };
}
