import type { DbOrTx } from "@/db";
import { getToken } from "next-auth/jwt";
import { z } from "zod";
import { findMemberById } from "@/db/queries/users";
import type { Actor } from "./actor";
import { secureCookies, sessionCookieName } from "./cookies";

export type UserActor = Extract<Actor, { kind: "user" }>;

/** What the sign-in cookie claims: the member and the session version it was issued for. */
export type SessionClaims = { userId: string; sessionVersion: number };

/**
 * The member behind a decoded sign-in cookie, checked against the database on every request: a removed or
 * disabled member, or a session version bumped since (sign-out, role or password change) gives null.
 */
export async function sessionActor(db: DbOrTx, claims: SessionClaims): Promise<UserActor | null> {
  const user = await findMemberById(db, claims.userId);
  if (!user || user.disabled || user.sessionVersion !== claims.sessionVersion) return null;
  return {
    kind: "user",
    id: user.id,
    email: user.email,
    role: user.role,
    label: user.email,
    mustChangePassword: user.mustChangePassword,
  };
}

const claimsSchema = z.object({ sub: z.uuid(), sv: z.number().int() });

/** Decodes the sign-in cookie; null when it is absent, forged, expired or not one of ours. */
export async function readSessionClaims(headers: Headers, secret: string): Promise<SessionClaims | null> {
  const token = await getToken({
    req: { headers },
    secret,
    cookieName: sessionCookieName,
    secureCookie: secureCookies,
  });
  const claims = claimsSchema.safeParse(token);
  return claims.success ? { userId: claims.data.sub, sessionVersion: claims.data.sv } : null;
}
