import { createHash, randomBytes } from "node:crypto";
import { getToken } from "next-auth/jwt";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import type { Role, TokenScope } from "@/db/schema";
import { findActiveApiToken, touchApiToken, type ActiveApiToken } from "@/db/queries/api-token-auth";
import { insertApiToken, type ApiTokenSummary } from "@/db/queries/api-tokens";
import { findMemberWithFactor } from "@/db/queries/users";
import { mustEnrolFactor as mustEnrol } from "./second-factor-policy";
import { secureCookies, sessionAlive, sessionCookieName } from "./cookies";

/** Who is making a request: a signed-in member (cookie) or an API token (Bearer). */
export type Actor =
  | {
      kind: "user";
      id: string;
      email: string;
      role: Role;
      label: string;
      mustChangePassword: boolean;
      /** An admin without a second factor while the policy requires one: sent to add one before anything else. */
      mustEnrolFactor: boolean;
      /** Whether the member has a second factor, and when this sign-in last proved it (epoch seconds). */
      hasFactor: boolean;
      factorAt: number | null;
    }
  | {
      kind: "token";
      id: string;
      name: string;
      role: Role;
      label: string;
      createdById: string | null;
      scope: TokenScope;
      /** Scope `use` made by a member who is still an admin: what the token may do through invoke and leases. */
      use?: UseGrant;
    };

/** What a `use` token may do: call these methods (patterns) on these sessions (null: any), take leases. */
export type UseGrant = {
  methods: string[];
  sessionIds: string[] | null;
  mayLease: boolean;
  maxLeaseTtlSeconds: number | null;
  logParams: boolean;
};

/** Roles in increasing power; a requirement is met by the role itself or a stronger one. */
const rank: Record<Role, number> = { viewer: 0, admin: 1 };

export function hasRole(actor: Actor, required: Role): boolean {
  return rank[actor.role] >= rank[required];
}

export type UserActor = Extract<Actor, { kind: "user" }>;

/** What the sign-in cookie claims: the member, the session version it was issued for, the last factor proof. */
export type SessionClaims = { userId: string; sessionVersion: number; factorAt?: number | null };

/**
 * The member behind a decoded sign-in cookie, checked against the database on every request: a removed or
 * disabled member, or a session version bumped since (sign-out, role or password change) gives null.
 */
export async function sessionActor(db: DbOrTx, claims: SessionClaims): Promise<UserActor | null> {
  const user = await findMemberWithFactor(db, claims.userId);
  if (!user || user.disabled || user.sessionVersion !== claims.sessionVersion) return null;
  return {
    kind: "user",
    id: user.id,
    email: user.email,
    role: user.role,
    label: user.email,
    mustChangePassword: user.mustChangePassword,
    mustEnrolFactor: await mustEnrol(db, user),
    hasFactor: user.hasFactor,
    factorAt: claims.factorAt ?? null,
  };
}

const claimsSchema = z.object({
  sub: z.uuid(),
  sv: z.number().int(),
  st: z.number(),
  la: z.number(),
  mf: z.number().optional(),
});

/** Decodes the sign-in cookie; null when it is absent, forged, not one of ours, or its sign-in has ended (lifetime, idle). */
export async function readSessionClaims(headers: Headers, secret: string): Promise<SessionClaims | null> {
  const token = await getToken({
    req: { headers },
    secret,
    cookieName: sessionCookieName,
    secureCookie: secureCookies,
  });
  const claims = claimsSchema.safeParse(token);
  if (!claims.success || !sessionAlive(claims.data)) return null;
  return { userId: claims.data.sub, sessionVersion: claims.data.sv, factorAt: claims.data.mf ?? null };
}

const lastUsedGranularityMs = 60_000;

/**
 * The actor for an API token, or null. A token acts for the member who created it: it stops working when
 * that member is disabled, and never has more power than that member now has (see verified-tokens.ts for how
 * soon a change made elsewhere is seen).
 */
export async function tokenActor(db: DbOrTx, token: string, now = new Date()): Promise<Actor | null> {
  if (!looksLikeApiToken(token)) return null;
  const hash = hashApiToken(token);
  const found = await verifiedToken(hash, now.getTime(), () => findActiveApiToken(db, hash));
  // A token without an owner (its member removed), or past its expiry, acts for nobody.
  if (!found?.createdBy || found.createdBy.disabled) return null;
  if (found.expiresAt && found.expiresAt.getTime() <= now.getTime()) return null;
  const role: Role = found.scope === "admin" && found.createdBy.role !== "viewer" ? "admin" : "viewer";
  const use: UseGrant | undefined =
    found.scope === "use" && found.createdBy.role === "admin"
      ? {
          methods: found.methods ?? [],
          sessionIds: found.sessionIds,
          mayLease: found.mayLease,
          maxLeaseTtlSeconds: found.maxLeaseTtlSeconds,
          logParams: found.logParams,
        }
      : undefined;
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > lastUsedGranularityMs) {
    // The found row may be the cached one: marking it keeps this process's next requests this minute from writing.
    found.lastUsedAt = now;
    await touchApiToken(db, found.id, now, lastUsedGranularityMs);
  }
  return {
    kind: "token",
    id: found.id,
    name: found.name,
    role,
    label: `token:${found.name}`,
    createdById: found.createdById,
    scope: found.scope,
    use,
  };
}

const apiTokenPrefix = "tsc_";
/** "tsc_" and 32 random bytes in base64url. */
const apiTokenPattern = /^tsc_[\w-]{43}$/;

/** Hex SHA-256: enough for high-entropy random tokens, which need no slow hash. */
export function sha256Hex(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export function hashApiToken(token: string): string {
  return sha256Hex(token);
}

/** A new API token: the token is shown once, only the hash is stored, the prefix tells tokens apart. */
export function generateApiToken(): { token: string; hash: string; prefix: string } {
  const token = apiTokenPrefix + randomBytes(32).toString("base64url");
  return { token, hash: hashApiToken(token), prefix: token.slice(0, apiTokenPrefix.length + 6) };
}

/** The limits of a `use` token, as stored (absent for other scopes). */
export type UseFields = Partial<Omit<UseGrant, "methods"> & { methods: string[] }>;

/**
 * Stores a new token acting for `createdById` (a member), expiring after `expiresInDays` when given. The token is in
 * the answer this once; the database keeps its hash.
 */
export async function issueApiToken(
  db: DbOrTx,
  request: {
    name: string;
    scope: TokenScope;
    expiresInDays?: number;
    createdById: string | null;
    revokeOnPasswordChange?: boolean;
  } & UseFields,
): Promise<{ created: ApiTokenSummary; token: string }> {
  const { token, hash, prefix } = generateApiToken();
  const { expiresInDays, ...fields } = request;
  const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null;
  const created = await insertApiToken(db, { ...fields, tokenHash: hash, prefix, expiresAt });
  return { created, token };
}

export function looksLikeApiToken(value: string): boolean {
  return apiTokenPattern.test(value);
}

/**
 * How long this process trusts a token it looked up. A revocation, a disabled member or a weaker role made
 * through this process's API clears the cache at once (forgetVerifiedTokens); one made by another process (a
 * second console instance, `npm run admin`) takes effect here within this bound.
 */
export const verifiedTokenTtlMs = 5_000;
const maxEntries = 1_000;

const entries = new Map<string, { token: ActiveApiToken; verifiedAt: number }>();
/** Bumped by every forget, so a lookup that started before a change cannot store what it read. */
let generation = 0;

/** The active token with this hash, from a lookup made within the last few seconds or from `lookup` now. Unknown tokens are not kept. */
export async function verifiedToken(tokenHash: string, now: number, lookup: () => Promise<ActiveApiToken | undefined>) {
  const cached = entries.get(tokenHash);
  if (cached && now - cached.verifiedAt >= 0 && now - cached.verifiedAt < verifiedTokenTtlMs) return cached.token;
  const started = generation;
  const found = await lookup();
  entries.delete(tokenHash);
  if (found && started === generation) {
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
    entries.set(tokenHash, { token: found, verifiedAt: now });
  }
  return found;
}

/** After any change that may revoke a token or weaken its member: every token is looked up again. */
export function forgetVerifiedTokens(): void {
  generation++;
  entries.clear();
}
