import type { DbOrTx } from "@/db";
import type { Role } from "@/db/schema";
import { findActiveApiToken, touchApiToken } from "@/db/queries/api-token-auth";
import type { Actor } from "./actor";
import { hashApiToken, looksLikeApiToken } from "./tokens";
import { verifiedToken } from "./verified-tokens";

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
  if (!found || found.createdBy?.disabled) return null;
  const role: Role = found.scope === "admin" && found.createdBy?.role !== "viewer" ? "admin" : "viewer";
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
  };
}
