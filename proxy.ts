import { NextResponse, type NextRequest } from "next/server";
import { renewedSessionCookie, sessionCookieName, signInPath } from "@/lib/auth/cookies";
import { contentSecurityPolicy, newCspNonce } from "@/lib/http/security-headers";

const readMethods = new Set(["GET", "HEAD", "OPTIONS"]);
/** Pages anyone may open: they get their nonce but need no sign-in cookie. */
const openPages = /^\/(login|setup|forbidden)(\/|$)/;

/**
 * Pages: every page response gets a Content-Security-Policy with a fresh nonce; Next.js reads it from the
 * request's copy and puts it on the scripts it renders (every page renders per request, see app/layout.tsx).
 * A request with no sign-in cookie at all goes straight to the sign-in page (only a shortcut: whether a cookie
 * is valid, and what its member may do, is decided by the guard on the server). Pages opened and API changes
 * count as activity and move the cookie's last-active time on; API reads (the pages' background refreshes) and
 * prefetches do not, so an unattended tab still reaches the idle timeout.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");
  if (!isApi && !openPages.test(pathname) && !request.cookies.has(sessionCookieName)) {
    const target = new URL(signInPath, request.url);
    if (pathname !== "/") target.searchParams.set("callbackUrl", pathname + search);
    return NextResponse.redirect(target);
  }
  const response = isApi ? NextResponse.next() : withNonce(request);
  const isPrefetch = request.headers.has("next-router-prefetch") || request.headers.get("purpose") === "prefetch";
  const isActivity = isApi ? !readMethods.has(request.method) : !isPrefetch && !openPages.test(pathname);
  if (isActivity) {
    const renewed = await renewedSessionCookie((name) => request.cookies.get(name)?.value);
    if (renewed) response.cookies.set(renewed.name, renewed.value, renewed.options);
  }
  return response;
}

function withNonce(request: NextRequest): NextResponse {
  const csp = contentSecurityPolicy(process.env.NODE_ENV === "production", newCspNonce());
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  // Pages (sign-in and setup included), and the API's own routes (not Auth.js's); static files need neither.
  matcher: ["/api/v1/:path*", "/((?!api/|_next/|favicon\\.ico|.*\\.\\w+$).*)"],
};
