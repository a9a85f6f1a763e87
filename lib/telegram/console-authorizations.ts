import { Api, type TelegramClient } from "telegram";
import type { DbOrTx } from "@/db";
import { recordConsoleAuthorization } from "@/db/queries/session-authorizations";
import { log } from "@/lib/log";

export type LiveConsoleSession = { sessionId: string; client: TelegramClient };

/** The hashes of the account's authorizations as `client` lists them, its own (hash 0, `current`) left out. */
async function othersSeenBy(client: TelegramClient): Promise<Set<bigint>> {
  const list = await client.invoke(new Api.account.GetAuthorizations());
  return new Set(list.authorizations.filter((a) => !a.current).map((a) => BigInt(a.hash.toString())));
}

const onlyOne = (candidates: bigint[]) => (candidates.length === 1 ? candidates[0]! : null);

/**
 * Learns the hashes of two live console sessions of one account from each other's device lists: `fresh`
 * lists, `sibling` lists, `fresh` lists again. An authorization the sibling lists but the fresh session does
 * not (on either side of it) can only be the fresh session's own or one that came and went in between; an
 * authorization the fresh session listed and the sibling no longer does is the sibling's own or one that
 * ended in between. A hash is recorded only when it is the single candidate, so nothing is ever attributed
 * by a guess. Call it right after the console makes a session (login, rotation, lease) while both are live.
 */
export async function learnConsoleAuthorizations(
  db: DbOrTx,
  fresh: LiveConsoleSession,
  sibling: LiveConsoleSession,
): Promise<void> {
  const { freshHash, siblingHash } = await learnHashes(fresh.client, sibling.client);
  if (freshHash !== null) await recordConsoleAuthorization(db, fresh.sessionId, freshHash);
  if (siblingHash !== null) await recordConsoleAuthorization(db, sibling.sessionId, siblingHash);
}

/** The hashes learnConsoleAuthorizations finds (null where there is not exactly one candidate), recorded nowhere. */
export async function learnHashes(
  fresh: TelegramClient,
  sibling: TelegramClient,
): Promise<{ freshHash: bigint | null; siblingHash: bigint | null }> {
  const before = await othersSeenBy(fresh);
  const seenBySibling = await othersSeenBy(sibling);
  const after = await othersSeenBy(fresh);
  return {
    freshHash: onlyOne([...seenBySibling].filter((h) => !before.has(h) && !after.has(h))),
    siblingHash: onlyOne([...before].filter((h) => !seenBySibling.has(h))),
  };
}

/** learnConsoleAuthorizations where a failure must not undo the work that made the session: it stays unknown. */
export function tryLearnConsoleAuthorizations(
  db: DbOrTx,
  fresh: LiveConsoleSession,
  sibling: LiveConsoleSession,
): Promise<void> {
  return learnConsoleAuthorizations(db, fresh, sibling).catch((error: unknown) =>
    log.warn({ err: error, sessionId: fresh.sessionId }, "could not learn a console session's authorization"),
  );
}
