import type { ErrorBody, ErrorCode } from "./errors";

/** An API error as the browser sees it: the server's code, sentence, field messages and any Retry-After. */
export class ApiRequestError extends Error {
  /** When the answer arrived (epoch ms), so a Retry-After countdown can start from it. */
  readonly receivedAt = Date.now();

  constructor(
    readonly status: number,
    readonly code: ErrorCode | "network_error",
    message: string,
    readonly fields: Record<string, string> = {},
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

/** Calls /api/v1 from the browser with the sign-in cookie; the browser adds Origin to mutations. */
export async function apiFetch<T>(
  path: string,
  init: { method?: "GET" | "POST" | "PATCH" | "DELETE"; body?: unknown } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? "GET",
      credentials: "same-origin",
      headers: init.body === undefined ? undefined : { "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    throw new ApiRequestError(0, "network_error", "The console could not be reached. Check your connection.");
  }
  return readReply<T>(response);
}

/** Sends files (and form fields) to /api/v1 as multipart/form-data; the browser sets the boundary. */
export async function apiUpload<T>(path: string, form: FormData): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { method: "POST", credentials: "same-origin", body: form });
  } catch {
    throw new ApiRequestError(0, "network_error", "The console could not be reached. Check your connection.");
  }
  return readReply<T>(response);
}

async function readReply<T>(response: Response): Promise<T> {
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return body as T;
  const error = (body as Partial<ErrorBody> | null)?.error;
  const retryAfter = Number(response.headers.get("retry-after"));
  throw new ApiRequestError(
    response.status,
    error?.code ?? "internal_error",
    error?.message ?? `The request failed (${response.status}).`,
    error?.fields,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  );
}
