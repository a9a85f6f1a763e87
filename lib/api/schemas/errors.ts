import { z } from "zod";
import { statusOfCode, type ErrorCode } from "@/lib/api/errors";

const codes = Object.keys(statusOfCode) as [ErrorCode, ...ErrorCode[]];

/** Every refusal and failure: `{error:{code,message}}`, the status from `statusOfCode`. */
export const errorBody = z
  .object({
    error: z.object({
      code: z.enum(codes),
      message: z.string(),
      /** invalid_input: the first problem of each field, by its dotted path. */
      fields: z.record(z.string(), z.string()).optional(),
      /** telegram_refused: Telegram's own error name, such as PEER_ID_INVALID. */
      telegramError: z.string().optional(),
    }),
  })
  .meta({ id: "Error" });
