import { z } from "zod";
import type { SessionEvent } from "@/db/schema";
import { iso } from "@/lib/http/json-dates";
import { commaList, isoDate, rowIdCursor } from "./common";

const kindList = commaList(
  z.string().regex(/^[a-z_]{1,40}$/, "Kinds are lower-case words such as check, connection or flood_wait."),
  10,
);

export const sessionEventsQuery = z.object({
  cursor: rowIdCursor,
  kind: kindList.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type SessionEventItem = {
  id: number;
  kind: string;
  detail: Record<string, unknown> | null;
  latencyMs: number | null;
  at: string;
};
export type SessionEventPageBody = { items: SessionEventItem[]; nextCursor: number | null };

export const sessionEventItem = ({ id, kind, detail, latencyMs, at }: SessionEvent): SessionEventItem => ({
  id,
  kind,
  detail,
  latencyMs,
  at: iso(at),
});

export const sessionEventPage = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      kind: z.string(),
      detail: z.record(z.string(), z.unknown()).nullable(),
      latencyMs: z.number().nullable(),
      at: isoDate,
    }),
  ),
  nextCursor: z.number().int().nullable(),
});
