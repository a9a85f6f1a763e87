import type { z } from "zod";
import { PayloadTooLargeError, readBodyBytes } from "@/lib/http/body";
import type { ImportEntry, ImportFile } from "@/lib/import/prepare";
import { ApiError } from "./errors";
import { importBodyLimitBytes, importFormFields, importJsonBody } from "./schemas/imports";

export type ImportInput = {
  entries: ImportEntry[];
  files: ImportFile[];
  rotate: boolean;
  passcode?: string;
  labels?: string[];
};

const maxFiles = 500;

/**
 * Reads an import request: JSON `{items, rotate?, passcode?}` or multipart with `files` (and `rotate`, `passcode`,
 * `labels` fields), capped at 50 MB while it arrives (413). Files stay in memory.
 */
export async function readImportInput(request: Request): Promise<ImportInput> {
  const type = request.headers.get("content-type") ?? "";
  const multipart = /^multipart\/form-data\s*;/i.test(type);
  if (!multipart && !/^application\/json\s*(;|$)/i.test(type))
    throw new ApiError("invalid_input", "Send JSON (application/json) or files (multipart/form-data).");
  let bytes: Buffer;
  try {
    bytes = await readBodyBytes(request, importBodyLimitBytes);
  } catch (error) {
    if (error instanceof PayloadTooLargeError)
      throw new ApiError("payload_too_large", `An import is at most ${importBodyLimitBytes / 1024 / 1024} MB.`);
    throw error;
  }
  return multipart ? readForm(bytes, type) : readJson(bytes);
}

function readJson(bytes: Buffer): ImportInput {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new ApiError("invalid_input", "The request body is not valid JSON.");
  }
  const body = validate(importJsonBody, value);
  return { entries: body.items, files: [], rotate: body.rotate, passcode: body.passcode };
}

async function readForm(bytes: Buffer, type: string): Promise<ImportInput> {
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(bytes), { headers: { "content-type": type } }).formData();
  } catch {
    throw new ApiError("invalid_input", "The multipart body could not be read.");
  }
  const fields: Record<string, string> = {};
  const files: ImportFile[] = [];
  for (const [name, value] of form.entries()) {
    if (name === "files" && typeof value !== "string") {
      if (files.length >= maxFiles) throw new ApiError("invalid_input", `At most ${maxFiles} files in one import.`);
      files.push({ name: value.name.slice(0, 200) || "upload", bytes: new Uint8Array(await value.arrayBuffer()) });
    } else if (typeof value === "string" && !(name in fields)) fields[name] = value;
    else throw new ApiError("invalid_input", "Unexpected form field.", { fields: { [name]: "Not expected here." } });
  }
  if (files.length === 0)
    throw new ApiError("invalid_input", "Send at least one file.", { fields: { files: "Required." } });
  const parsed = validate(importFormFields, fields);
  return { entries: [], files, rotate: parsed.rotate === "true", passcode: parsed.passcode, labels: parsed.labels };
}

function validate<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) fields[issue.path.map(String).join(".") || "_"] ??= issue.message;
  throw new ApiError("invalid_input", "Some fields are not valid.", { fields });
}
