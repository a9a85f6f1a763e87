import { z } from "zod";

export const idParams = z.object({ id: z.uuid("Not a valid id.") });

/** A list page's cursor when it is the id of the last row shown. */
export const rowIdCursor = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional();

/** A trimmed text filter; an empty one is no filter. */
export const optionalText = (max: number, message?: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((value) => value || undefined);

/** "a, b,,c" in a query string: the parts, trimmed, empty ones dropped, each checked by `part`. */
export const commaList = <Part extends z.ZodType<unknown, string>>(part: Part, max: number) =>
  z
    .string()
    .transform((text) =>
      text
        .split(",")
        .map((piece) => piece.trim())
        .filter(Boolean),
    )
    .pipe(z.array(part).max(max));

/** An ISO 8601 instant as the API sends it (Date.toISOString). */
export const isoDate = z.iso.datetime();
export const isoDateOrNull = isoDate.nullable();

/** Answer naming the row a change touched. */
export const idReply = z.object({ id: z.string() });

const label = z
  .string()
  .trim()
  .min(1, "A label cannot be empty.")
  .max(64, "A label has at most 64 characters.")
  .regex(/^[^\p{Cc}]+$/u, "A label cannot hold control characters.");
/** Session labels (set at import, filterable in the list, subscribed to by alert channels). */
export const labelList = z.array(label).max(20, "At most 20 labels.");
