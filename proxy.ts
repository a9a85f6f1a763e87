import { NextResponse, type NextRequest } from "next/server";
import { renewedSessionCookie, sessionCookieName, signInPath } from "@/lib/auth/cookies";

const readMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Pages: a request with no sign-in cookie at all goes straight to the sign-in page (only a shortcut: whether a
 * cookie is valid, and what its member may do, is decided by the guard on the server). Pages opened and API
 * changes count as activity and move the cookie's last-active time on; API reads (the pages' background
 * refreshes) and prefetches do not, so an unattended tab still reaches the idle timeout.
 */
export async function proxy(request: NextRequest) {
  const isApi = request.nextUrl.pathname.startsWith("/api/");
  if (!isApi && !request.cookies.has(sessionCookieName)) {
    const target = new URL(signInPath, request.url);
    const { pathname, search } = request.nextUrl;
    if (pathname !== "/") target.searchParams.set("callbackUrl", pathname + search);
    return NextResponse.redirect(target);
  }
  const response = NextResponse.next();
  const isPrefetch = request.headers.has("next-router-prefetch") || request.headers.get("purpose") === "prefetch";
  const isActivity = isApi ? !readMethods.has(request.method) : !isPrefetch;
  if (isActivity) {
    const renewed = await renewedSessionCookie((name) => request.cookies.get(name)?.value);
    if (renewed) response.cookies.set(renewed.name, renewed.value, renewed.options);
  }
  return response;
}

export const config = {
  // Pages, and the API's own routes (not Auth.js's); sign-in, setup and static files need no cookie.
  matcher: ["/api/v1/:path*", "/((?!api/|_next/|login|setup|forbidden|favicon\\.ico|.*\\.\\w+$).*)"],
};
