import { ApiError, type ErrorBody } from "./errors";

const noStore = { "Cache-Control": "no-store" };

/** A JSON reply that no browser or proxy keeps: API answers are per-user and often secret-adjacent. */
export function jsonReply(data: unknown, status = 200, headers?: Record<string, string>): Response {
  return Response.json(data, { status, headers: { ...headers, ...noStore } });
}

export function errorReply(error: ApiError): Response {
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  if (error.fields) body.error.fields = error.fields;
  if (error.telegramError) body.error.telegramError = error.telegramError;
  return jsonReply(body, error.status, error.headers);
}
