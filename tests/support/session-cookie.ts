import { encode } from "next-auth/jwt";
import type { Db } from "@/db";
import { createUser } from "@/db/queries/users";
import type { Role } from "@/db/schema";
import { sessionCookieName, sessionLifetime } from "@/lib/auth/cookies";
import { testMemberPasswordHash } from "./route-database";

/**
 * A real sign-in cookie, encoded as Auth.js encodes it (the cookie name is the salt), with the claims the
 * console's jwt callback writes; `secret` must be the AUTH_SECRET the code under test reads.
 */
export async function sessionCookie(secret: string, member: { id: string; sessionVersion: number }): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const value = await encode({
    token: { sub: member.id, sv: member.sessionVersion, st: now, la: now },
    secret,
    salt: sessionCookieName,
    maxAge: sessionLifetime().maxAgeSeconds,
  });
  return `${sessionCookieName}=${value}`;
}

/** A member who can sign in (no temporary password) and their cookie. */
export async function memberWithCookie(db: Db, secret: string, email: string, role: Role) {
  const member = await createUser(db, {
    email,
    role,
    passwordHash: await testMemberPasswordHash(),
    mustChangePassword: false,
  });
  return { member, cookie: await sessionCookie(secret, member) };
}
