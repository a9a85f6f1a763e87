import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db";
import { log } from "@/lib/log";
import {
  callbackUrlCookieName,
  safeCallbackPath,
  secureCookies,
  sessionCookieName,
  sessionCookieOptions,
  sessionLifetime,
  signInPath,
  authSecret,
} from "./cookies";
import { authorizeCredentials, signOutMember } from "./sign-in";
import { requestMeta } from "@/lib/audit";
import { sessionActor } from "./actors";

const requestCausedErrors = new Set([
  "UnknownAction",
  "MissingCSRF",
  "InvalidCallbackUrl",
  "InvalidCheck",
  "JWTSessionError",
]);

// A function, so nothing (secret, database) is read before the first request, never at build time.
export const { handlers } = NextAuth((request) => ({
  secret: authSecret(),
  trustHost: true,
  useSecureCookies: secureCookies,
  cookies: {
    sessionToken: { name: sessionCookieName, options: sessionCookieOptions },
    callbackUrl: { name: callbackUrlCookieName, options: sessionCookieOptions },
  },
  session: { strategy: "jwt", maxAge: sessionLifetime().maxAgeSeconds },
  pages: { signIn: signInPath, error: signInPath },
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      authorize: async (credentials, signInRequest) =>
        authorizeCredentials(await getDb(), credentials, requestMeta(signInRequest.headers)),
    }),
  ],
  callbacks: {
    // Auth.js accepts any value that starts with "/", and "/<tab>/host" then leads to another host.
    redirect: ({ url, baseUrl }) => new URL(safeCallbackPath(url, new URL(baseUrl).origin), baseUrl).href,
    // The cookie carries only who signed in and the session version; everything else is read per request.
    // `st` (signed in at) and `la` (last active at) end the sign-in: see sessionLifetime().
    jwt: ({ token, user }) => {
      if (!user) return token;
      const now = Math.floor(Date.now() / 1000);
      return { sub: user.id, sv: user.sessionVersion, st: now, la: now };
    },
  },
  events: {
    // Sign-out through Auth.js's own endpoint ends the sessions too, as the console's button does.
    signOut: async (message) => {
      const token = "token" in message ? message.token : null;
      if (!token?.sub || typeof token.sv !== "number" || !request) return;
      const db = await getDb();
      const member = await sessionActor(db, { userId: token.sub, sessionVersion: token.sv });
      if (member) await signOutMember(db, member, requestMeta(request.headers));
    },
  },
  logger: {
    error: (error) => {
      const type = (error as { type?: string }).type ?? error.name;
      if (type === "CredentialsSignin") return;
      // Caused by what a client sent (a made-up action, a forged cookie): worth a line, not an error with a stack.
      if (requestCausedErrors.has(type)) log.warn({ type }, "Auth.js refused a request");
      else log.error({ err: error }, "Auth.js error");
    },
    warn: (warning) => log.warn({ warning }, "Auth.js warning"),
    debug: () => {},
  },
}));
