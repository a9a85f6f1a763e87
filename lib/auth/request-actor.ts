import { getDb, type DbOrTx } from "@/db";
import { type Actor, readSessionClaims, sessionActor, tokenActor } from "./actors";
import { authSecret } from "./cookies";

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
