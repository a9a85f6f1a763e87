import type { ActiveApiToken } from "@/db/queries/api-token-auth";

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
