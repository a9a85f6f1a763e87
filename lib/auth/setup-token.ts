import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { setupTokens } from "@/db/schema";
import { log } from "@/lib/log";
import { sha256Hex } from "./tokens";

// On globalThis: once per process, also across hot reloads and Next's separate module graphs.
const holder = globalThis as typeof globalThis & { __setupTokenIssued?: Promise<void> };

/**
 * Issues a one-time setup token the first time this process needs one and prints it in the server log:
 * whoever can read the log may create the first admin. Only its hash is stored.
 */
export function issueSetupToken(db: DbOrTx): Promise<void> {
  holder.__setupTokenIssued ??= issue(db).catch((error: unknown) => {
    holder.__setupTokenIssued = undefined;
    throw error;
  });
  return holder.__setupTokenIssued;
}

async function issue(db: DbOrTx): Promise<void> {
  const token = randomBytes(24).toString("base64url");
  await db.insert(setupTokens).values({ tokenHash: sha256Hex(token) });
  log.warn(`No admin exists yet. Open /setup and enter this one-time setup token: ${token}`);
}

/** Uses up a setup token; true when it was valid. Every other outstanding setup token goes with it. */
export async function consumeSetupToken(tx: DbOrTx, token: string): Promise<boolean> {
  const used = await tx
    .delete(setupTokens)
    .where(eq(setupTokens.tokenHash, sha256Hex(token)))
    .returning();
  if (used.length === 0) return false;
  // eslint-disable-next-line drizzle/enforce-delete-with-where -- setup is done: no setup token may outlive it
  await tx.delete(setupTokens);
  return true;
}
