import { cookies } from "next/headers";
import { sessionCookieName, sessionCookieOptions } from "./cookies";

/** Removes the sign-in cookie; with the same attributes, or a browser refuses to overwrite a `__Host-` cookie. */
export async function clearSessionCookie(): Promise<void> {
  (await cookies()).set(sessionCookieName, "", { ...sessionCookieOptions, maxAge: 0 });
}
