import { eq } from "drizzle-orm";
import type { Api } from "telegram";
import type { DbOrTx } from "@/db";
import { recordCheckOutcome } from "@/db/queries/session-health";
import { telegramSessions } from "@/db/schema";
import {
  consoleSessionsOf,
  isSessionsAuthorization,
  recordIdentity,
  type ConsoleSession,
} from "./console-authorizations";

export type Ownership = { foreign: boolean; consoleSessionId: string | null };

export const notListedCode = "NOT_LISTED_BY_TELEGRAM";

/**
 * Reconciles the account's device list, as `sessionId` read it, with the console's sessions: records this
 * session's own authorization, learns the hashes of the others, and makes a console session Telegram no
 * longer lists invalid (with that evidence). Returns who owns each listed authorization: `foreign` is one
 * the console did not create.
 */
export async function reconcileAuthorizations(
  db: DbOrTx,
  sessionId: string,
  list: Api.account.Authorizations,
): Promise<(a: Api.Authorization) => Ownership> {
  const self = await db.query.telegramSessions.findFirst({
    where: eq(telegramSessions.id, sessionId),
    columns: { accountId: true },
  });
  if (!self) return () => ({ foreign: true, consoleSessionId: null });
  const current = list.authorizations.find((a) => a.current);
  if (current) await recordIdentity(db, sessionId, self.accountId, current, null);
  const siblings = (await consoleSessionsOf(db, self.accountId)).filter((s) => s.id !== sessionId);
  const owners = new Map<Api.Authorization, string>();
  for (const a of list.authorizations) {
    if (a.current) continue;
    const owner = siblings.find((s) => isSessionsAuthorization(s, a, current?.apiId ?? a.apiId));
    if (!owner) continue;
    owners.set(a, owner.id);
    if (owner.identity?.hash == null) await recordIdentity(db, owner.id, self.accountId, a, BigInt(a.hash.toString()));
  }
  const listed = new Set(owners.values());
  // Only a session whose authorization was seen before counts as missing: a guess must never call one dead.
  for (const missing of siblings.filter((s) => s.identity && !listed.has(s.id) && s.status !== "revoke_pending"))
    await markNotListed(db, missing, sessionId);
  return (a) =>
    a.current
      ? { foreign: false, consoleSessionId: sessionId }
      : { foreign: !owners.has(a), consoleSessionId: owners.get(a) ?? null };
}

/** Telegram's list (read through another session of the account) no longer has this session: it is dead there. */
function markNotListed(db: DbOrTx, session: ConsoleSession, seenBy: string): Promise<void> {
  return markEnded(db, session, notListedCode, `account.GetAuthorizations via ${seenBy}`);
}

/** Makes a console session invalid with the evidence of how the console learned it is dead at Telegram. */
export async function markEnded(
  db: DbOrTx,
  session: Pick<ConsoleSession, "id" | "status">,
  code: string,
  method: string,
): Promise<void> {
  const now = new Date();
  await recordCheckOutcome(
    db,
    session.id,
    { status: "invalid", lastError: code, lastCheckAt: now },
    {
      detail: {
        result: "invalid",
        from: session.status,
        to: "invalid",
        connectMs: null,
        requestMs: null,
        errorClass: "terminal",
        errorCode: code,
        at: now.toISOString(),
        method,
      },
      latencyMs: null,
    },
  );
}
