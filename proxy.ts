import { NextResponse, type NextRequest } from "next/server";
import { sessionCookieName, signInPath } from "@/lib/auth/cookies";

/**
 * Only a shortcut: a page request with no sign-in cookie at all goes straight to the sign-in page.
 * Whether a cookie is valid, and what its member may do, is decided by the guard on the server.
 */
export function proxy(request: NextRequest) {
  if (request.cookies.has(sessionCookieName)) return NextResponse.next();
  const target = new URL(signInPath, request.url);
  const { pathname, search } = request.nextUrl;
  if (pathname !== "/") target.searchParams.set("callbackUrl", pathname + search);
  return NextResponse.redirect(target);
}

export const config = {
  // Pages only: API routes answer 401 themselves, and sign-in, setup and static files need no cookie.
  matcher: ["/((?!api/|_next/|login|setup|forbidden|favicon\\.ico|.*\\.\\w+$).*)"],
};
