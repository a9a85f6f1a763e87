import type { z } from "zod";

/** What a server action form gets back: a message and errors per field (never a submitted value). */
export type FormState<F extends string = string> = { message?: string; fieldErrors?: Partial<Record<F, string>> };

export function fieldErrorsOf<F extends string>(error: z.ZodError): Partial<Record<F, string>> {
  const errors: Partial<Record<F, string>> = {};
  for (const issue of error.issues) {
    const field = issue.path[0] as F | undefined;
    if (field !== undefined && errors[field] === undefined) errors[field] = issue.message;
  }
  return errors;
}
