import { z } from "zod";
import type { SessionCallRow } from "@/db/queries/session-calls";
import { iso } from "@/lib/http/json-dates";

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
  .strict();

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
