import type { NextRouteHandler } from "@/lib/api/route";
import { assertMatchesContract } from "./contract";

export type CallOptions = {
  token?: string;
  body?: unknown;
  params?: Record<string, string>;
  query?: string;
  headers?: Record<string, string>;
};
export type CallResult = { status: number; headers: Headers; body: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Calls a route handler as Next would, with a Bearer token when given; for tests. Every answer is checked against
 * the route's OpenAPI document (status and body), so each route test is also a contract test.
 */
export async function callRoute(
  handler: NextRouteHandler,
  method: string,
  options: CallOptions = {},
): Promise<CallResult> {
  const headers = new Headers(options.headers);
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  if (options.body !== undefined) headers.set("content-type", "application/json");
  const request = new Request(`http://console.test/api/v1/test${options.query ?? ""}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const body = await response.json();
  assertMatchesContract(handler, method, response.status, body);
  return { status: response.status, headers: response.headers, body };
}
