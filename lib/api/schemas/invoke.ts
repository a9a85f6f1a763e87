import { z } from "zod";
import type { SessionCallRow } from "@/db/queries/session-calls";
import { iso } from "@/lib/http/json-dates";
import { isoDate } from "./common";

/**
 * `params` stays unparsed here: the method is judged against the denylist first, then the params against the
 * method's own TL schema (lib/telegram/invoke/tl-json.ts).
 */
export const invokeBody = z
  .object({
    method: z
      .string("Name the method, such as users.GetFullUser.")
      .regex(/^[A-Za-z][\w.]{0,127}$/, "Name the method as GramJS does, such as users.GetFullUser."),
    params: z.unknown().optional(),
  })
  .strict()
  .meta({ description: "`params`: the method's arguments as TL JSON (class names in `_`)." });

export type SessionCallItem = {
  id: number;
  method: string;
  outcome: string;
  telegramError: string | null;
  latencyMs: number;
  caller: string;
  at: string;
};

export const sessionCallsQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(20) });

export const sessionCallItem = (row: SessionCallRow): SessionCallItem => ({
  id: row.id,
  method: row.method,
  outcome: row.outcome,
  telegramError: row.telegramError,
  latencyMs: row.latencyMs,
  caller: row.actorLabel,
  at: iso(row.at),
});

export const invokeReply = z.object({
  result: z.unknown().meta({
    description:
      "Telegram's answer as JSON: TL objects carry their class name in `_`, bytes are base64, longs strings.",
  }),
});

export const sessionCallList = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      method: z.string(),
      outcome: z.string(),
      telegramError: z.string().nullable(),
      latencyMs: z.number(),
      caller: z.string(),
      at: isoDate,
    }),
  ),
});
