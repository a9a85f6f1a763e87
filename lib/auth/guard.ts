import { headers as requestHeaders } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getDb, type DbOrTx } from "@/db";
import type { Role } from "@/db/schema";
import { hasRole, type Actor, readSessionClaims, sessionActor, type UserActor, tokenActor } from "./actors";
import { changePasswordPath, signInPath, authSecret } from "./cookies";

/**
 * Who sent the request: an API token (`Authorization: Bearer`) or the sign-in cookie, both checked against
 * the database. An Authorization header that does not hold a valid token gives null, never the cookie's member.
 */
export async function actorFromHeaders(db: DbOrTx, headers: Headers, secret: string): Promise<Actor | null> {
  const authorization = headers.get("authorization");
  if (authorization !== null) {
    const [scheme, token, ...rest] = authorization.trim().split(/\s+/);
    if (scheme?.toLowerCase() !== "bearer" || !token || rest.length > 0) return null;
    return tokenActor(db, token);
  }
  const claims = await readSessionClaims(headers, secret);
  return claims ? sessionActor(db, claims) : null;
}

export async function getActor(headers: Headers): Promise<Actor | null> {
  return actorFromHeaders(await getDb(), headers, authSecret());
}

/** The signed-in member, for pages that a member with a temporary password may still open. */
export async function requireSignedIn(): Promise<UserActor> {
  const actor = await getActor(await requestHeaders());
  if (actor?.kind !== "user") redirect(signInPath);
  return actor;
}

/** The guard of every page, layout and server action: signed in, password not temporary, role strong enough. */
export async function requirePage(role: Role = "viewer"): Promise<UserActor> {
  const actor = await requireSignedIn();
  if (actor.mustChangePassword) redirect(changePasswordPath);
  if (!hasRole(actor, role)) forbidden();
  return actor;
}
