import { randomBytes, randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { sessionCookieName } from "./auth";

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/**
 * Sign-in cookies an attacker without AUTH_SECRET could make: well-formed, claiming a real member.
 * - `jwe`: Auth.js's own encrypted format (dir + A256CBC-HS512), keyed with a guessed secret;
 * - `none`: an unsigned JWT (`alg: none`) carrying the same claims.
 */
export async function forgedCookies(memberId: string = randomUUID()): Promise<{ jwe: string; none: string }> {
  const now = Math.floor(Date.now() / 1000);
  const claims = { sub: memberId, sv: 1, st: now, la: now, email: "first-admin@e2e.test", role: "admin" };
  const jwe = await encode({
    token: claims,
    secret: randomBytes(32).toString("base64url"),
    salt: sessionCookieName,
    maxAge: 3600,
  });
  const none = `${base64url({ alg: "none", typ: "JWT" })}.${base64url({ ...claims, iat: Math.floor(Date.now() / 1000) })}.`;
  return { jwe: `${sessionCookieName}=${jwe}`, none: `${sessionCookieName}=${none}` };
}
