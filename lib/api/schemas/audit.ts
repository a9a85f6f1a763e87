import { z } from "zod";
import type { AuditEntry } from "@/db/schema/audit";
import { iso } from "./common";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => value || undefined);

export const auditQuery = z.object({
  cursor: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  actor: optionalText(320),
  action: optionalText(100),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export type AuditItem = Omit<AuditEntry, "at"> & { at: string };
export type AuditPageBody = { items: AuditItem[]; nextCursor: number | null };

export const auditItem = (entry: AuditEntry): AuditItem => ({ ...entry, at: iso(entry.at) });
