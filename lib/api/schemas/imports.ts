import { z } from "zod";
import { jobStatusEnum } from "@/db/schema/jobs";
import type { Job } from "@/db/schema";
import { importFormats, stringFormats, type ImportFormat } from "@/lib/import/parse";
import { isoDate, isoDateOrNull, labelList } from "./common";
import { maxImportItems, type PreparedItem } from "@/lib/import/prepare";

/** Imports above this many items (or with any file) run as a job: 202 {jobId}. */
export const syncImportLimit = 10;
/** The import routes' own body cap (files included), read as it arrives. */
export const importBodyLimitBytes = 50 * 1024 * 1024;

export const importLabels = labelList;

const importItem = z
  .object({
    data: z.string().max(64 * 1024, "A session string has at most 64 KiB."),
    format: z.enum(stringFormats).optional(),
    labels: importLabels.optional(),
    password: z.string().min(1).max(256).optional(),
  })
  .strict();

/** POST /api/v1/sessions/import (and /preview) as JSON. */
export const importJsonBody = z
  .object({
    items: z
      .array(importItem)
      .min(1, "Send at least one item.")
      .max(maxImportItems, `At most ${maxImportItems} items in one import.`),
    rotate: z.boolean().default(true),
    passcode: z.string().min(1).max(256).optional(),
  })
  .strict();
export type ImportJsonBody = z.output<typeof importJsonBody>;

/** The same as multipart form fields beside `files`. */
export const importFormFields = z
  .object({
    rotate: z.enum(["true", "false"]).default("true"),
    passcode: z.string().min(1).max(256).optional(),
    labels: z
      .string()
      .max(2000)
      .optional()
      .transform((text) =>
        (text ?? "")
          .split(",")
          .map((part) => part.trim())
          .filter(Boolean),
      )
      .pipe(importLabels),
  })
  .strict();

export type ImportResultItem = {
  index: number;
  name?: string;
  status: "imported" | "duplicate" | "dead" | "invalid" | "unreachable" | "failed";
  format?: ImportFormat;
  dcId?: number;
  takeover?: "rotated" | "shared" | "password_required" | "failed";
  sessionId?: string;
  error?: string;
};
export type ImportReply = { results: ImportResultItem[] };
export type ImportQueuedReply = { jobId: string };

export type PreviewItem = {
  index: number;
  name?: string;
  format?: ImportFormat;
  dcId?: number;
  /** Whose session it is, when the input says (Pyrogram, tdata): the first and last digits only. */
  userIdMasked?: string;
  error?: string;
};
export type PreviewReply = { items: PreviewItem[] };

export function maskUserId(userId: bigint): string {
  const text = userId.toString();
  return text.length <= 4
    ? "•".repeat(text.length)
    : `${text.slice(0, 2)}${"•".repeat(text.length - 4)}${text.slice(-2)}`;
}

export type JobView = {
  id: string;
  kind: string;
  status: Job["status"];
  progress: { done: number; total: number };
  results: Record<string, unknown>[];
  createdAt: string;
  finishedAt: string | null;
};

export function toJobView(job: Job, done: number, results: Record<string, unknown>[]): JobView {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    progress: { done, total: job.total },
    results,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

/** A prepared item as the preview shows it: never the key. */
export function toPreviewItem(item: PreparedItem): PreviewItem {
  const named = { index: item.index, ...(item.name && { name: item.name }) };
  if (item.error !== undefined) return { ...named, ...(item.format && { format: item.format }), error: item.error };
  const { format, dcId, userId } = item.parsed;
  return { ...named, format, dcId, ...(userId !== undefined && { userIdMasked: maskUserId(userId) }) };
}

/** multipart/form-data: `files` (.session, .txt with one string a line, tdata .zip) beside these fields. */
export const importFormBody = importFormFields.extend({
  files: z.array(z.string().meta({ format: "binary" })).meta({ description: "The files to import." }),
});

const format = z.enum(importFormats);

export const importReply = z.object({
  results: z.array(
    z
      .object({
        index: z.number().int(),
        name: z.string().optional(),
        status: z.enum(["imported", "duplicate", "dead", "invalid", "unreachable", "failed"]),
        format: format.optional(),
        dcId: z.number().int().optional(),
        takeover: z.enum(["rotated", "shared", "password_required", "failed"]).optional(),
        sessionId: z.uuid().optional(),
        error: z.string().optional(),
      })
      .meta({ id: "ImportResultItem" }),
  ),
});
export const importQueuedReply = z.object({ jobId: z.uuid() });

export const previewReply = z.object({
  items: z.array(
    z.object({
      index: z.number().int(),
      name: z.string().optional(),
      format: format.optional(),
      dcId: z.number().int().optional(),
      userIdMasked: z.string().optional(),
      error: z.string().optional(),
    }),
  ),
});

export const jobView = z.object({
  id: z.uuid(),
  kind: z.string(),
  status: z.enum(jobStatusEnum.enumValues),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  results: z.array(z.record(z.string(), z.unknown())),
  createdAt: isoDate,
  finishedAt: isoDateOrNull,
});
