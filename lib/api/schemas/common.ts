import { z } from "zod";

export const idParams = z.object({ id: z.uuid("Not a valid id.") });

/** Dates travel as ISO strings. */
export const iso = (date: Date) => date.toISOString();
export const isoOrNull = (date: Date | null) => date?.toISOString() ?? null;
