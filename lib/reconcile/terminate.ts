import { eq } from "drizzle-orm";
import { Api } from "telegram";
import { returnBigInt } from "telegram/Helpers";
import type { DbOrTx } from "@/db";
import { telegramSessions } from "@/db/schema";
import { DomainError, notFound } from "@/lib/errors/domain";
import { connectionManager, type ConnectionManager } from "@/lib/telegram/connection/manager";
import { TelegramFailure } from "@/lib/telegram/errors";
import { consoleSessionsOf } from "./console-authorizations";
import { markEnded, reconcileAuthorizations } from "./reconcile";

export const terminatedCode = "TERMINATED_FROM_CONSOLE";

/** Rejects with Telegram's refusal of a device change in words an admin can act on, or with `error` as it is. */
function refuseDeviceChange(error: unknown): Promise<never> {
  if (error instanceof TelegramFailure && error.code === "FRESH_RESET_AUTHORISATION_FORBIDDEN") {
    const message =
      "Telegram lets a session end other devices only once it is 24 hours old. Try again later, or through an older session of this account.";
    return Promise.reject(new DomainError("telegram_refused", message));
  }
  if (error instanceof TelegramFailure && error.code === "HASH_INVALID")
    return Promise.reject(new DomainError("not_found", "That device is no longer logged in."));
  return Promise.reject(error);
}

/** Ends one foreign authorization of the account (account.resetAuthorization) through `sessionId`. */
export async function terminateAuthorization(
  db: DbOrTx,
  sessionId: string,
  hash: string,
  manager: ConnectionManager = connectionManager(),
): Promise<{ terminated: string }> {
  await manager
    .run(
      db,
      sessionId,
      async (client) => {
        const list = await client.invoke(new Api.account.GetAuthorizations());
        const ownership = await reconcileAuthorizations(db, sessionId, list);
        const target = list.authorizations.find((a) => !a.current && a.hash.toString() === hash);
        if (!target) throw notFound("That device");
        if (!ownership(target).foreign)
          throw new DomainError(
            "conflict",
            "That device is a session of this console. Revoke it from its own page instead.",
          );
        await client.invoke(new Api.account.ResetAuthorization({ hash: returnBigInt(hash) }));
      },
      { method: "account.ResetAuthorization" },
    )
    .catch(refuseDeviceChange);
  return { terminated: hash };
}

/**
 * Ends every other authorization of the account (auth.resetAuthorizations). The console's other sessions
 * of the account die with them at Telegram, so they are made invalid here with that evidence.
 */
export async function terminateOthers(
  db: DbOrTx,
  sessionId: string,
  manager: ConnectionManager = connectionManager(),
): Promise<{ consoleSessionsEnded: number }> {
  await manager
    .run(db, sessionId, (client) => client.invoke(new Api.auth.ResetAuthorizations()), {
      method: "auth.ResetAuthorizations",
    })
    .catch(refuseDeviceChange);
  const self = await db.query.telegramSessions.findFirst({
    where: eq(telegramSessions.id, sessionId),
    columns: { accountId: true },
  });
  const others = (await consoleSessionsOf(db, self?.accountId ?? sessionId)).filter(
    (s) => s.id !== sessionId && s.status !== "revoke_pending",
  );
  for (const other of others) await markEnded(db, other, terminatedCode, `auth.ResetAuthorizations via ${sessionId}`);
  return { consoleSessionsEnded: others.length };
}

/** Sets how long Telegram keeps an inactive authorization of the account (account.setAuthorizationTTL). */
export async function setAuthorizationTtl(
  db: DbOrTx,
  sessionId: string,
  days: number,
  manager: ConnectionManager = connectionManager(),
): Promise<{ ttlDays: number }> {
  await manager
    .run(
      db,
      sessionId,
      (client) => client.invoke(new Api.account.SetAuthorizationTTL({ authorizationTtlDays: days })),
      { method: "account.SetAuthorizationTTL" },
    )
    .catch(refuseDeviceChange);
  const self = await db.query.telegramSessions.findFirst({
    where: eq(telegramSessions.id, sessionId),
    columns: { accountId: true },
  });
  if (self)
    await db
      .update(telegramSessions)
      .set({ authorizationTtlDays: days, ttlCheckedAt: new Date() })
      .where(eq(telegramSessions.accountId, self.accountId));
  return { ttlDays: days };
}
