import type { z } from "zod";
import { PayloadTooLargeError, readBodyText } from "@/lib/http/body";
import { ApiError } from "./errors";

const maxBodyBytes = 64 * 1024;

export type Schema = z.ZodType;
export type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;
export type InputSchemas = { body?: Schema; optionalBody?: boolean; query?: Schema; params?: Schema };

/** Validates the body (JSON only), the search parameters and the path parameters; anything wrong is a 400. */
export async function parseInput(
  request: Request,
  rawParams: Promise<unknown> | undefined,
  schemas: InputSchemas,
): Promise<{ body: unknown; query: unknown; params: unknown }> {
  const params = schemas.params ? validate(schemas.params, await rawParams, "The address is not valid.") : undefined;
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const query = schemas.query ? validate(schemas.query, search, "The query parameters are not valid.") : undefined;
  const body = schemas.body
    ? validate(schemas.body, await readJson(request, schemas.optionalBody ?? false), "Some fields are not valid.")
    : undefined;
  return { body, query, params };
}

/** The body as JSON; an optional body that is absent (or only whitespace) reads as `{}`. */
async function readJson(request: Request, optional: boolean): Promise<unknown> {
  const declaredJson = /^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(request.headers.get("content-type") ?? "");
  if (!declaredJson && !optional) throw notJson();
  const text = await readCappedBody(request);
  if (optional && !text.trim()) return {};
  if (!declaredJson) throw notJson();
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("invalid_input", "The request body is not valid JSON.");
  }
}

/** The body as text, refused with 413 once it passes the limit while it is still arriving. */
async function readCappedBody(request: Request, limitBytes = maxBodyBytes): Promise<string> {
  try {
    return await readBodyText(request, limitBytes);
  } catch (error) {
    if (error instanceof PayloadTooLargeError) {
      throw new ApiError("payload_too_large", `The request body is larger than ${limitBytes / 1024} KiB.`);
    }
    throw error;
  }
}

function validate(schema: Schema, value: unknown, summary: string): unknown {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    fields[key] ??= issue.message;
  }
  throw new ApiError("invalid_input", summary, { fields });
}

function notJson(): ApiError {
  return new ApiError("invalid_input", "Send a JSON body with Content-Type: application/json.");
}
