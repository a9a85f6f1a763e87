import { z } from "zod";
import type { AuditEntry } from "@/db/schema/audit";
import { iso } from "@/lib/http/json-dates";
import { optionalText, rowIdCursor } from "./common";

export const auditQuery = z.object({
  cursor: rowIdCursor,
  actor: optionalText(320),
  action: optionalText(100),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export type AuditItem = Omit<AuditEntry, "at"> & { at: string };
export type AuditPageBody = { items: AuditItem[]; nextCursor: number | null };

export const auditItem = (entry: AuditEntry): AuditItem => ({ ...entry, at: iso(entry.at) });
