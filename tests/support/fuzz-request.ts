import { NextRequest } from "next/server";
import { isMutation } from "./access-policy";
import type { ResolvedCredential } from "./fuzz-actors";
import { sameOrigin, type GeneratedRequest } from "./request-arbitraries";
import type { DiscoveredRoute } from "./route-discovery";

export type BuiltRequest = { request: NextRequest; params: Record<string, string | string[]> };

/** The Request Next would hand the route for a generated case, and the params it would decode from the URL. */
export function buildRequest(
  route: DiscoveredRoute,
  generated: GeneratedRequest,
  credential: ResolvedCredential,
): BuiltRequest {
  const params: Record<string, string | string[]> = {};
  const values = [...generated.params];
  const path = route.segments
    .map((segment) => {
      if (segment.kind === "literal") return segment.text;
      const value = values.shift() ?? "";
      if (segment.kind === "param") {
        params[segment.name] = value;
        return encodeURIComponent(value);
      }
      const parts = value.split("/");
      params[segment.name] = parts;
      return parts.map(encodeURIComponent).join("/");
    })
    .join("/");
  const headers = new Headers(credential.headers);
  if (generated.contentType) headers.set("content-type", generated.contentType);
  if (generated.origin) headers.set("origin", generated.origin);
  if (generated.secFetchSite) headers.set("sec-fetch-site", generated.secFetchSite);
  const hasBody = generated.body.kind === "text" && route.method !== "GET" && route.method !== "HEAD";
  // Bytes, not a string: a string body would make fetch add its own text/plain Content-Type.
  const body = hasBody && generated.body.kind === "text" ? new TextEncoder().encode(generated.body.text) : undefined;
  const request = new NextRequest(`${sameOrigin}/${path}${generated.query}`, { method: route.method, headers, body });
  return { request, params };
}

/** Whether a browser-sent mutation passes the console's same-origin rule (Origin, else Sec-Fetch-Site). */
export function passesOriginCheck(generated: GeneratedRequest, method: string): boolean {
  if (!isMutation(method)) return true;
  if (generated.origin !== undefined) return generated.origin === sameOrigin;
  return generated.secFetchSite === "same-origin";
}
