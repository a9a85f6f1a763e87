import { callbackUrlCookieName as callbackUrlCookie } from "./cookies";

function isHttpUrl(value: string, origin: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? origin : undefined).protocol);
  } catch {
    return false;
  }
}

/**
 * A 400 for a callback URL (query or cookie) that is not an http(s) URL. Auth.js treats such a value as a
 * server misconfiguration and answers 500, so anyone could make the sign-in endpoints fail with a bad link.
 */
export function invalidCallbackUrl(request: Request): Response | null {
  const url = new URL(request.url);
  const values = [
    url.searchParams.get("callbackUrl"),
    cookieValue(request.headers.get("cookie") ?? "", callbackUrlCookie),
  ];
  if (values.every((value) => !value || isHttpUrl(value, url.origin))) return null;
  return Response.json(
    { error: { code: "invalid_input", message: "The callback URL is not valid." } },
    { status: 400, headers: { "Cache-Control": "no-store" } },
  );
}

/** A cookie's value as Auth.js reads it: the first pair with that name, trimmed, URL-decoded when it can be. */
function cookieValue(header: string, name: string): string | null {
  for (const pair of header.split(";")) {
    const equals = pair.indexOf("=");
    if (equals === -1 || pair.slice(0, equals).trim() !== name) continue;
    const value = pair.slice(equals + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return null;
}
