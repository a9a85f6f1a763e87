import { NextRequest } from "next/server";
import * as auth from "@/app/api/auth/[...nextauth]/route";
import { peerHeader, peerStamp } from "@/lib/http/client-ip";

const origin = "http://console.test";

/** A browser's session with Auth.js: its CSRF token and cookie, fetched once. */
export async function csrfSession(): Promise<{ csrfToken: string; cookie: string }> {
  const response = await auth.GET(new NextRequest(`${origin}/api/auth/csrf`));
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  return { csrfToken, cookie };
}

/** POST /api/auth/callback/credentials as the sign-in form sends it; the session cookie, when one was set. */
export async function postCredentials(
  session: { csrfToken: string; cookie: string },
  email: string,
  password: string,
  ip = "203.0.113.9",
): Promise<{ response: Response; signedIn: boolean }> {
  const response = await auth.POST(
    new NextRequest(`${origin}/api/auth/callback/credentials`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-auth-return-redirect": "1",
        [peerHeader]: peerStamp(ip),
        cookie: session.cookie,
      },
      body: new URLSearchParams({ email, password, csrfToken: session.csrfToken, callbackUrl: "/" }),
    }),
  );
  const signedIn = response.headers.getSetCookie().some((line) => /^tsc\.session=[^;]+/.test(line));
  return { response, signedIn };
}

/** POST /api/auth/callback/credentials with any body (a stream for size tests), without a CSRF session. */
export function postCredentialsBody(body: ReadableStream<Uint8Array> | string): Promise<Response> {
  return auth.POST(
    new NextRequest(`${origin}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
      duplex: "half",
    } as ConstructorParameters<typeof NextRequest>[1]),
  );
}
