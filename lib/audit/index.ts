import type { DbOrTx } from "@/db";
import type { NewAuditEntry } from "@/db/schema";
import { insertAuditEntry } from "@/db/queries/audit";
import { clientIp } from "@/lib/http/client-ip";
import type { AuditAction } from "./actions";

export { auditActions, type AuditAction } from "./actions";

/** Where a request came from, for audit rows and the sign-in throttle (which keys on `ip`). */
export type RequestMeta = { ip: string | null; userAgent: string | null };

export function requestMeta(headers: Headers): RequestMeta {
  return {
    ip: clientIp(headers),
    userAgent: headers.get("user-agent")?.slice(0, 300) ?? null,
  };
}

/**
 * Who an audit row names: a signed-in member or an API token (which acts for the member who created it), or
 * an identity without a session: a member named at sign-in (`id` null for an unknown email), the console's
 * own background work, or an operator at the command line.
 */
export type AuditActor =
  | { kind: "user"; id: string; label: string }
  | { kind: "token"; createdById: string | null; label: string }
  | { id: string | null; label: string };

/** The users.id to record as the actor: a member, or for an API token the member who created it. */
export function auditActorId(actor: AuditActor): string | null {
  return "kind" in actor && actor.kind === "token" ? actor.createdById : actor.id;
}

export const systemActor: AuditActor = { id: null, label: "system" };
export const cliActor: AuditActor = { id: null, label: "cli" };

/** What happened. Never put secrets in `detail`. */
export type AuditFacts = {
  action: AuditAction;
  outcome: "success" | "failure";
  target?: string | null;
  detail?: Record<string, unknown>;
};

function auditEntry(actor: AuditActor, facts: AuditFacts, meta: RequestMeta | undefined): NewAuditEntry {
  return {
    actorId: auditActorId(actor),
    actorLabel: actor.label,
    action: facts.action,
    target: facts.target ?? null,
    ip: meta?.ip ?? null,
    userAgent: meta?.userAgent ?? null,
    outcome: facts.outcome,
    detail: facts.detail ?? null,
  };
}

/**
 * Records one audit row. Write it in the transaction of the change it records, so the two commit together;
 * `meta` is the request's origin, absent for background work and the CLI.
 */
export async function writeAudit(db: DbOrTx, actor: AuditActor, facts: AuditFacts, meta?: RequestMeta): Promise<void> {
  await insertAuditEntry(db, auditEntry(actor, facts, meta));
}
