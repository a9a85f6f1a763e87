import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { setupTokens } from "@/db/schema";

export async function insertSetupToken(db: DbOrTx, tokenHash: string): Promise<void> {
  await db.insert(setupTokens).values({ tokenHash });
}

/** Deletes the setup token with this hash and, when there was one, every other outstanding one; true when it existed. */
export async function consumeSetupTokenHash(tx: DbOrTx, tokenHash: string): Promise<boolean> {
  const used = await tx.delete(setupTokens).where(eq(setupTokens.tokenHash, tokenHash)).returning();
  if (used.length === 0) return false;
  // eslint-disable-next-line drizzle/enforce-delete-with-where -- setup is done: no setup token may outlive it
  await tx.delete(setupTokens);
  return true;
}
