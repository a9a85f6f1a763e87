import { cookies } from "next/headers.js";
import { decode, encode } from "next-auth/jwt";
import { readOrCreateSecret } from "@/lib/env/data-dir";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

/** Secure cookies in production; `__Host-` binds a cookie to this exact origin (no Domain, path /). */
export const secureCookies = process.env.NODE_ENV === "production";

export const sessionCookieName = secureCookies ? "__Host-tsc.session" : "tsc.session";

export const sessionCookieOptions = { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies } as const;

/** Auth.js's own default here is `__Secure-` (any subdomain could set it); ours is host-only like the rest. */
export const callbackUrlCookieName = secureCookies ? "__Host-authjs.callback-url" : "authjs.callback-url";

/**
 * How long a sign-in lives: `maxAgeSeconds` from the moment of signing in (SESSION_MAX_AGE_HOURS, default a working
 * day of 12 h), and `idleSeconds` after the last page opened or change made (SESSION_IDLE_MINUTES, default 30).
 */
export function sessionLifetime(): { maxAgeSeconds: number; idleSeconds: number } {
  const { SESSION_MAX_AGE_HOURS, SESSION_IDLE_MINUTES } = env();
  return {
    maxAgeSeconds: Math.round(SESSION_MAX_AGE_HOURS * 3600),
    idleSeconds: Math.round(SESSION_IDLE_MINUTES * 60),
  };
}

/**
 * The sign-in cookie's claims: member, session version, signed in at and last active at (epoch seconds), and
 * when the member last proved a second factor (`mf`, absent when they never did in this sign-in).
 */
export type SessionToken = { sub: string; sv: number; st: number; la: number; mf?: number };

export type SessionCookie = { name: string; value: string; options: typeof sessionCookieOptions & { maxAge: number } };

/** The sign-in cookie carrying these claims, encoded as Auth.js encodes its own (the cookie name is the salt). */
export async function sessionCookieFor(
  token: SessionToken & Record<string, unknown>,
  now = Math.floor(Date.now() / 1000),
): Promise<SessionCookie> {
  const remaining = Math.max(1, token.st + sessionLifetime().maxAgeSeconds - now);
  const value = await encode({ token, secret: authSecret(), salt: sessionCookieName, maxAge: remaining });
  return { name: sessionCookieName, value, options: { ...sessionCookieOptions, maxAge: remaining } };
}

/** Whether a sign-in made at `st` and last active at `la` is still alive at `now` (epoch seconds). */
export function sessionAlive(token: Pick<SessionToken, "st" | "la">, now = Math.floor(Date.now() / 1000)): boolean {
  const { maxAgeSeconds, idleSeconds } = sessionLifetime();
  return now - token.st <= maxAgeSeconds && now - token.la <= idleSeconds;
}

/** The last-active time is written again at most this often, so a busy page does not re-issue the cookie each time. */
const activityGranularitySeconds = 60;

/**
 * For a request that counts as activity (a page opened, a change made; background refreshes are API reads and
 * do not count): the sign-in cookie re-issued with its last-active time moved to now, or null when there is
 * none to renew (absent, forged, ended, or renewed within the last minute).
 */
export async function renewedSessionCookie(
  readCookie: (name: string) => string | undefined,
  now = Math.floor(Date.now() / 1000),
): Promise<SessionCookie | null> {
  const token = await liveSessionToken(readCookie(sessionCookieName), now);
  if (!token || now - token.la < activityGranularitySeconds) return null;
  return sessionCookieFor({ ...token, la: now }, now);
}

/** The request's sign-in cookie re-issued as proved by a second factor now; null without a live one. */
export async function factorProvedCookie(
  headers: Headers,
  now = Math.floor(Date.now() / 1000),
): Promise<SessionCookie | null> {
  const token = await liveSessionToken(cookieValue(headers.get("cookie") ?? "", sessionCookieName) ?? undefined, now);
  return token ? sessionCookieFor({ ...token, la: now, mf: now }, now) : null;
}

async function liveSessionToken(
  value: string | undefined,
  now: number,
): Promise<(SessionToken & Record<string, unknown>) | null> {
  if (!value) return null;
  const token = (await decode({ token: value, secret: authSecret(), salt: sessionCookieName }).catch(() => null)) as
    (Partial<SessionToken> & Record<string, unknown>) | null;
  if (typeof token?.st !== "number" || typeof token.la !== "number") return null;
  return sessionAlive({ st: token.st, la: token.la }, now) ? (token as SessionToken & Record<string, unknown>) : null;
}

/** Removes the sign-in cookie; with the same attributes, or a browser refuses to overwrite a `__Host-` cookie. */
export async function clearSessionCookie(): Promise<void> {
  (await cookies()).set(sessionCookieName, "", { ...sessionCookieOptions, maxAge: 0 });
}

let cached: string | undefined;

/**
 * The key that signs and encrypts sign-in cookies. With the embedded database it may be generated into the
 * data folder; with an external database it must come from configuration, so every instance shares it.
 */
export function authSecret(): string {
  cached ??= resolve();
  return cached;
}

function resolve(): string {
  const { AUTH_SECRET, DATABASE_URL } = env();
  if (AUTH_SECRET) return AUTH_SECRET;
  if (DATABASE_URL) {
    throw new Error(
      "AUTH_SECRET is not set. It is required when DATABASE_URL is set; generate one with `openssl rand -base64 32`.",
    );
  }
  const { value, created } = readOrCreateSecret("auth-secret", 32);
  if (created) log.info("AUTH_SECRET was not set: generated one into the data folder (file auth-secret)");
  return value;
}

export const signInPath = "/login";
export const changePasswordPath = "/change-password";
export const setupPath = "/setup";
/** Where an admin without a second factor is sent while the policy requires one. */
export const enrolFactorPath = "/add-second-factor";

/**
 * Where to go after signing in: a path on this site, or an absolute URL on the console's own origin (as its path);
 * anything else gives "/". The value is parsed the way a browser parses a Location header, which drops tabs and
 * line breaks, so "/<tab>/attacker.example" is seen as the other host it would lead to.
 */
export function safeCallbackPath(value: unknown, origin: string): string {
  if (typeof value !== "string") return "/";
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return "/";
  }
  const path = url.pathname + url.search + url.hash;
  return url.origin === origin && !path.startsWith("//") ? path : "/";
}

/** The console's origin as the browser sees it, the way Auth.js derives it (it trusts the forwarded host). */
export function requestOrigin(headers: Headers): string {
  const first = (name: string) => headers.get(name)?.split(",")[0]?.trim();
  const protocol = first("x-forwarded-proto") === "https" ? "https" : "http";
  return new URL(`${protocol}://${first("x-forwarded-host") ?? first("host") ?? "localhost"}`).origin;
}

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
    cookieValue(request.headers.get("cookie") ?? "", callbackUrlCookieName),
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
