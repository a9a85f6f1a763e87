import { listAuditEntries } from "@/db/queries/audit";
import { apiRoute } from "@/lib/api/handler";
import { auditItem, auditQuery, type AuditPageBody, auditPage } from "@/lib/api/schemas/audit";

/** The audit log, newest first; pass `nextCursor` back as `cursor` for the next page. */
export const GET = apiRoute(
  { summary: "The audit log, newest first", response: auditPage, role: "admin", query: auditQuery },
  async ({ db, query }): Promise<AuditPageBody> => {
    const page = await listAuditEntries(db, query);
    return { items: page.items.map(auditItem), nextCursor: page.nextCursor };
  },
);
