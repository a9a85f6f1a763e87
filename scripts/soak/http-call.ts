import type { Tally } from "./tally";

export type Call = { method: "GET" | "POST"; path: string; route: string; body?: unknown };

/**
 * One request with a bearer token. A non-2xx answer or a network error counts as a failure under `route` (the
 * path with ids replaced), so failures group by endpoint and no id or secret reaches the report.
 */
export async function call<T>(baseUrl: string, token: string, tally: Tally, request: Call): Promise<T | undefined> {
  const sent = performance.now();
  try {
    const response = await fetch(`${baseUrl}${request.path}`, {
      method: request.method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(request.body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    if (!response.ok) {
      tally.fail(`${request.method} ${request.route} → ${response.status} ${errorCode(text)}`);
      return undefined;
    }
    tally.ok(performance.now() - sent);
    return JSON.parse(text) as T;
  } catch (error) {
    tally.fail(`${request.method} ${request.route} → ${error instanceof Error ? error.name : "network error"}`);
    return undefined;
  }
}

function errorCode(text: string): string {
  try {
    return (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? "";
  } catch {
    return "(not JSON)";
  }
}
