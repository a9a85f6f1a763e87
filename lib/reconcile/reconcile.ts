import { Api } from "telegram";
import { returnBigInt } from "telegram/Helpers";
import type { DbOrTx } from "@/db";
import { recordForeignDevices, type ForeignDevice } from "@/db/queries/alert-events";
import { liveLeaseHashesOf } from "@/db/queries/key-leases";
import { listLiveSessionsOf, setAccountTtl, type ConsoleSession } from "@/db/queries/session-authorizations";
import { recordCheckOutcome } from "@/db/queries/session-health";
import { findSessionTarget } from "@/db/queries/telegram-accounts";
import type { AlertDraft } from "@/db/schema";
import { DomainError, notFound } from "@/lib/errors/domain";
import { connectionManager, type ConnectionManager } from "@/lib/telegram/connection/manager";
import { classifyTelegramError, TelegramFailure } from "@/lib/telegram/errors";

/** Whose an authorization is: a console session's, a lease's (handed out by the console), or foreign. */
export type Ownership = { foreign: boolean; consoleSessionId: string | null; leaseId: string | null };

export const notListedCode = "NOT_LISTED_BY_TELEGRAM";

/**
 * Reconciles the account's device list, as `sessionId` read it, with the console's sessions and returns who
 * owns each listed authorization. The console's own are known positively: the reading session's `current`
 * entry, and the hashes recorded for its other sessions (lib/telegram/console-authorizations.ts); every other
 * entry is `foreign`, whatever it looks like. A console session whose known hash is no longer listed is made
 * invalid (with that evidence).
 */
export async function reconcileAuthorizations(
  db: DbOrTx,
  sessionId: string,
  list: Api.account.Authorizations,
): Promise<(a: Api.Authorization) => Ownership> {
  const self = await findSessionTarget(db, sessionId);
  if (!self) return () => ({ foreign: true, consoleSessionId: null, leaseId: null });
  const siblings = (await listLiveSessionsOf(db, self.accountId)).filter((s) => s.id !== sessionId);
  const byHash = new Map(siblings.flatMap((s) => (s.hash === null ? [] : [[s.hash, s.id] as const])));
  const leases = new Map((await liveLeaseHashesOf(db, self.accountId)).map((l) => [l.hash, l.id]));
  const ownerOf = (a: Api.Authorization) => (a.current ? sessionId : (byHash.get(BigInt(a.hash.toString())) ?? null));
  const leaseOf = (a: Api.Authorization) => (a.current ? null : (leases.get(BigInt(a.hash.toString())) ?? null));
  const others = list.authorizations.filter((a) => !a.current);
  await recordForeignDevices(
    db,
    sessionId,
    self.accountId,
    others.filter((a) => !ownerOf(a) && !leaseOf(a)).map(describeDevice),
  );
  const listed = new Set(others.map((a) => BigInt(a.hash.toString())));
  for (const missing of siblings.filter((s) => s.hash !== null && !listed.has(s.hash) && s.status !== "revoke_pending"))
    await markNotListed(db, missing, sessionId);
  return (a) => {
    const owner = ownerOf(a);
    const leaseId = leaseOf(a);
    return { foreign: owner === null && leaseId === null, consoleSessionId: owner, leaseId };
  };
}

/** What device.foreign tells of a device: what Telegram shows of it, never anything secret. */
function describeDevice(a: Api.Authorization): ForeignDevice {
  return {
    hash: a.hash.toString(),
    deviceModel: a.deviceModel,
    platform: a.platform,
    systemVersion: a.systemVersion,
    appName: a.appName,
    appVersion: a.appVersion,
    apiId: a.apiId,
    ip: a.ip,
    country: a.country,
    region: a.region,
    createdAt: new Date(a.dateCreated * 1000).toISOString(),
    activeAt: new Date(a.dateActive * 1000).toISOString(),
  };
}

/** Telegram's list (read through another session of the account) no longer has this session: it is dead there. */
function markNotListed(db: DbOrTx, session: ConsoleSession, seenBy: string): Promise<void> {
  return markEnded(db, session, notListedCode, `account.GetAuthorizations via ${seenBy}`);
}

/**
 * Makes a console session invalid with the evidence of how the console learned it is dead at Telegram; it was
 * ended from elsewhere unless the console itself ended it.
 */
export async function markEnded(
  db: DbOrTx,
  session: Pick<ConsoleSession, "id" | "status">,
  code: string,
  method: string,
): Promise<void> {
  const now = new Date();
  const evidence = { errorCode: code, errorClass: "terminal", method, at: now.toISOString() };
  const alerts: AlertDraft[] = [{ kind: "session.invalid", details: evidence }];
  if (code !== terminatedCode) alerts.push({ kind: "session.revoked_elsewhere", details: evidence });
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
      alerts,
    },
  );
}

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
            ownership(target).leaseId
              ? "That device is a key leased by this console. End the lease instead."
              : "That device is a session of this console. Revoke it from its own page instead.",
          );
        await client.invoke(new Api.account.ResetAuthorization({ hash: returnBigInt(hash) }));
      },
      { method: "account.ResetAuthorization" },
    )
    .catch(refuseDeviceChange);
  return { terminated: hash };
}

/**
 * Ends every other authorization of the account (auth.resetAuthorizations; one by one with
 * account.resetAuthorization when the account has live leases, which are spared: they end with their lease).
 * The console's other sessions of the account die with them at Telegram, so they are made invalid here.
 */
export async function terminateOthers(
  db: DbOrTx,
  sessionId: string,
  manager: ConnectionManager = connectionManager(),
): Promise<{ consoleSessionsEnded: number }> {
  const self = await findSessionTarget(db, sessionId);
  const leased = new Set((await liveLeaseHashesOf(db, self?.accountId ?? sessionId)).map((l) => l.hash));
  await manager
    .run(
      db,
      sessionId,
      async (client) => {
        if (leased.size === 0) return client.invoke(new Api.auth.ResetAuthorizations());
        // Leases are ended by their own logout, not here: every other authorization is reset one by one.
        const list = await client.invoke(new Api.account.GetAuthorizations());
        for (const a of list.authorizations.filter((a) => !a.current && !leased.has(BigInt(a.hash.toString()))))
          await client.invoke(new Api.account.ResetAuthorization({ hash: a.hash })).catch(ignoreGone);
      },
      { method: "auth.ResetAuthorizations" },
    )
    .catch(refuseDeviceChange);
  const others = (await listLiveSessionsOf(db, self?.accountId ?? sessionId)).filter(
    (s) => s.id !== sessionId && s.status !== "revoke_pending",
  );
  for (const other of others) await markEnded(db, other, terminatedCode, `auth.ResetAuthorizations via ${sessionId}`);
  return { consoleSessionsEnded: others.length };
}

/** A device that logged out while the others were being ended is as good as ended. */
function ignoreGone(error: unknown): void {
  if (classifyTelegramError(error).code !== "HASH_INVALID") throw error;
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
  const self = await findSessionTarget(db, sessionId);
  if (self) await setAccountTtl(db, self.accountId, days);
  return { ttlDays: days };
}
