/** Secure cookies in production; `__Host-` binds a cookie to this exact origin (no Domain, path /). */
export const secureCookies = process.env.NODE_ENV === "production";

export const sessionCookieName = secureCookies ? "__Host-tsc.session" : "tsc.session";

export const sessionCookieOptions = { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies } as const;

/** Auth.js's own default here is `__Secure-` (any subdomain could set it); ours is host-only like the rest. */
export const callbackUrlCookieName = secureCookies ? "__Host-authjs.callback-url" : "authjs.callback-url";

/** Twelve hours: a working day; a secrets console should not keep a browser signed in for weeks. */
export const sessionMaxAgeSeconds = 12 * 60 * 60;
