import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { apiTokens } from "@/db/schema";

/** A token that is not revoked, with the member who created it (null when that member was removed). */
export function findActiveApiToken(db: DbOrTx, tokenHash: string) {
  return db.query.apiTokens.findFirst({
    where: and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)),
    columns: {
      id: true,
      name: true,
      scope: true,
      createdById: true,
      lastUsedAt: true,
      expiresAt: true,
      methods: true,
      sessionIds: true,
      mayLease: true,
      maxLeaseTtlSeconds: true,
      logParams: true,
    },
    with: { createdBy: { columns: { role: true, disabled: true } } },
  });
}

export type ActiveApiToken = NonNullable<Awaited<ReturnType<typeof findActiveApiToken>>>;

/** Sets lastUsedAt to `now` unless it was set within `granularityMs`, so busy tokens write at most once per interval. */
export async function touchApiToken(db: DbOrTx, tokenId: string, now: Date, granularityMs: number): Promise<void> {
  const staleBefore = new Date(now.getTime() - granularityMs);
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(apiTokens.id, tokenId), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, staleBefore))));
}
