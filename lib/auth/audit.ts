import type { DbOrTx } from "@/db";
import { writeAudit, type RequestMeta } from "@/lib/audit";

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
  await writeAudit(db, { id: entry.actorId, label: entry.email }, entry, entry.meta);
}
