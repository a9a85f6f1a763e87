import { z } from "zod";
import type { AuditEntry } from "@/db/schema/audit";
import { iso } from "@/lib/http/json-dates";
import { isoDate, optionalText, rowIdCursor } from "./common";

export const auditQuery = z.object({
  cursor: rowIdCursor,
  actor: optionalText(320),
  action: optionalText(100),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export type AuditItem = Omit<AuditEntry, "at"> & { at: string };
export type AuditPageBody = { items: AuditItem[]; nextCursor: number | null };

export const auditItem = (entry: AuditEntry): AuditItem => ({ ...entry, at: iso(entry.at) });

export const auditItemSchema = z
  .object({
    id: z.number().int(),
    actorId: z.uuid().nullable(),
    actorLabel: z.string(),
    action: z.string(),
    target: z.string().nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    outcome: z.enum(["success", "failure"]),
    detail: z.record(z.string(), z.unknown()).nullable(),
    at: isoDate,
  })
  .meta({ id: "AuditItem" });

export const auditPage = z.object({ items: z.array(auditItemSchema), nextCursor: z.number().int().nullable() });
