/** Secure cookies in production; `__Host-` binds the session cookie to this exact origin (no Domain, path /). */
export const secureCookies = process.env.NODE_ENV === "production";

export const sessionCookieName = secureCookies ? "__Host-tsc.session" : "tsc.session";

export const sessionCookieOptions = { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies } as const;

/** Twelve hours: a working day; a secrets console should not keep a browser signed in for weeks. */
export const sessionMaxAgeSeconds = 12 * 60 * 60;
