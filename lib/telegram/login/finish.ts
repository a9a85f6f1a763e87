import { Api, type TelegramClient } from "telegram";
import type { DbOrTx } from "@/db";
import type { LoginFlow } from "@/db/schema";
import { clearedSecrets, releaseLoginFlow } from "@/db/queries/login-flows";
import { listLiveSessionsOf } from "@/db/queries/session-authorizations";
import { countUsableSessions } from "@/db/queries/telegram-accounts";
import { auditActorId } from "@/lib/audit";
import { connectionManager } from "../connection/manager";
import { tryLearnConsoleAuthorizations, type LiveConsoleSession } from "../console-authorizations";
import type { LoginDeps } from "./deps";
import { storeAccount, storeSession } from "./store-session";
import type { LoginState } from "./state";

/**
 * Stores the account and its new session, and closes the flow, in one transaction with the audit row.
 * If that fails, the fresh authorization is logged out so Telegram keeps nothing the console lost.
 */
export async function finishLogin(
  deps: LoginDeps,
  flow: LoginFlow,
  client: TelegramClient,
  user: Api.User,
): Promise<LoginState> {
  const dcId = client.session.dcId;
  let done: { accountId: string; sessionId: string; state: LoginState };
  try {
    done = await deps.commit(async (tx) => {
      const { accountId, existed } = await storeAccount(tx, deps.ring, user, dcId, flow.phoneMasked ?? "hidden");
      const otherSessions = existed ? await countUsableSessions(tx, accountId) : 0;
      const sessionId = await storeSession(tx, deps.ring, client, {
        accountId,
        dcId,
        createdById: auditActorId(deps.actor),
      });
      const closed = { step: "done" as const, resultSessionId: sessionId, ...clearedSecrets };
      await releaseLoginFlow(tx, flow.id, closed);
      const account = { firstName: user.firstName ?? "", lastName: user.lastName ?? null };
      return {
        accountId,
        sessionId,
        state: { flow: { ...flow, ...closed, lockedUntil: null }, otherSessions, account },
      };
    });
  } catch (error) {
    await client.invoke(new Api.auth.LogOut()).catch(() => undefined);
    throw error;
  }
  await learnThroughSibling(deps.db, done.accountId, { sessionId: done.sessionId, client }).catch(() => undefined);
  return done.state;
}

/** The new session's authorization hash, learned through one other live console session of the account; best effort. */
async function learnThroughSibling(db: DbOrTx, accountId: string, fresh: LiveConsoleSession): Promise<void> {
  const sibling = (await listLiveSessionsOf(db, accountId)).find(
    (s) => s.id !== fresh.sessionId && s.status !== "revoke_pending",
  );
  if (!sibling) return;
  await connectionManager().run(
    db,
    sibling.id,
    (client) => tryLearnConsoleAuthorizations(db, fresh, { sessionId: sibling.id, client }),
    { method: "account.GetAuthorizations", keepAlive: false },
  );
}
