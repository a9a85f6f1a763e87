import type { DbOrTx } from "@/db";
import { auditLog } from "@/db/schema";
import type { RequestMeta } from "./request-meta";

export type AuthAuditAction = "auth.sign_in" | "auth.sign_out" | "auth.setup" | "auth.password_change";

export type AuthAuditEntry = {
  action: AuthAuditAction;
  outcome: "success" | "failure";
  actorId: string | null;
  email: string;
  meta: RequestMeta;
  detail?: Record<string, unknown>;
};

/** The audit row of a sign-in event; write it in the transaction of the change it records. */
export async function writeAuthAudit(db: DbOrTx, entry: AuthAuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorId: entry.actorId,
    actorLabel: entry.email,
    action: entry.action,
    ip: entry.meta.ip,
    userAgent: entry.meta.userAgent,
    outcome: entry.outcome,
    detail: entry.detail,
  });
}
