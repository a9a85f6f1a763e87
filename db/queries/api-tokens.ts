import { and, desc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { apiTokens, type TokenScope } from "@/db/schema";

const listedColumns = {
  id: true,
  name: true,
  prefix: true,
  scope: true,
  createdAt: true,
  lastUsedAt: true,
  expiresAt: true,
  methods: true,
  sessionIds: true,
  mayLease: true,
  maxLeaseTtlSeconds: true,
  logParams: true,
} as const;

/** A token as admins may see it: never the hash. */
export type ApiTokenSummary = {
  id: string;
  name: string;
  prefix: string;
  scope: TokenScope;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  methods: string[] | null;
  sessionIds: string[] | null;
  mayLease: boolean;
  maxLeaseTtlSeconds: number | null;
  logParams: boolean;
  createdBy: { email: string } | null;
};

/** Tokens that still work, newest first. */
export function listActiveApiTokens(db: DbOrTx): Promise<ApiTokenSummary[]> {
  return db.query.apiTokens.findMany({
    where: isNull(apiTokens.revokedAt),
    columns: listedColumns,
    with: { createdBy: { columns: { email: true } } },
    orderBy: [desc(apiTokens.createdAt), desc(apiTokens.id)],
  });
}

export type NewApiToken = {
  name: string;
  scope: TokenScope;
  tokenHash: string;
  prefix: string;
  createdById: string | null;
  expiresAt?: Date | null;
  methods?: string[] | null;
  sessionIds?: string[] | null;
  mayLease?: boolean;
  maxLeaseTtlSeconds?: number | null;
  logParams?: boolean;
};

export async function insertApiToken(db: DbOrTx, token: NewApiToken): Promise<ApiTokenSummary> {
  const [created] = await db.insert(apiTokens).values(token).returning({ id: apiTokens.id });
  const summary = await db.query.apiTokens.findFirst({
    where: eq(apiTokens.id, created!.id),
    columns: listedColumns,
    with: { createdBy: { columns: { email: true } } },
  });
  return summary!;
}

/** Revokes a working token; undefined when there is none with that id (or it was already revoked). */
export async function revokeApiToken(
  db: DbOrTx,
  id: string,
): Promise<{ id: string; name: string; revokedAt: Date } | undefined> {
  const [revoked] = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id, name: apiTokens.name, revokedAt: apiTokens.revokedAt });
  return revoked ? { id: revoked.id, name: revoked.name, revokedAt: revoked.revokedAt! } : undefined;
}

/** Revokes the member's live tokens that were made to die with a password change; returns how many. */
export async function revokeTokensOnPasswordChange(db: DbOrTx, userId: string): Promise<number> {
  const revoked = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(
      and(eq(apiTokens.createdById, userId), eq(apiTokens.revokeOnPasswordChange, true), isNull(apiTokens.revokedAt)),
    )
    .returning({ id: apiTokens.id });
  return revoked.length;
}
