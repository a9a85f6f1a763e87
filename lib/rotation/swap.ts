import { eq, sql } from "drizzle-orm";
import { Api, type TelegramClient } from "telegram";
import type { Db } from "@/db";
import { sessionRevocations, telegramAccounts, telegramSessions, type SessionRotation } from "@/db/schema";
import { recordIdentity } from "@/lib/reconcile/console-authorizations";
import type { Requester } from "@/lib/revocation/requester";
import { saveSession } from "@/lib/telegram/client";
import type { Commit } from "@/lib/telegram/login/deps";
import { storeSession } from "@/lib/telegram/login/store-session";
import type { KeyRing } from "@/lib/vault";
import type { RotationTarget } from "./begin";
import { updateRotation } from "./store";

export type SwapDeps = { db: Db; ring: KeyRing; commit: Commit; holdSeconds: number };

/** The fresh key answered for another account than the session's: it must not replace it. */
export class RotationMismatchError extends Error {
  constructor() {
    super("The new key does not belong to this session's Telegram account.");
    this.name = "RotationMismatchError";
  }
}

/** Remembers which of the account's devices the new session is (for the foreign flags); best effort. */
async function recordOwnIdentity(db: Db, sessionId: string, accountId: string, fresh: TelegramClient): Promise<void> {
  const list = await fresh.invoke(new Api.account.GetAuthorizations()).catch(() => undefined);
  const own = list?.authorizations.find((a) => a.current);
  if (own) await recordIdentity(db, sessionId, accountId, own, null);
}

/** Probes the fresh key (it must be logged in as the same Telegram user) before it may replace the old one. */
async function probeSameUser(db: Db, fresh: TelegramClient, accountId: string): Promise<void> {
  const [self] = await fresh.invoke(new Api.users.GetUsers({ id: [new Api.InputUserSelf()] }));
  const account = await db.query.telegramAccounts.findFirst({
    where: eq(telegramAccounts.id, accountId),
    columns: { telegramUserId: true },
  });
  if (!(self instanceof Api.User) || !account || BigInt(self.id.toString()) !== account.telegramUserId)
    throw new RotationMismatchError();
}

/**
 * In one transaction (with the caller's audit row): the new session row (rotatedFromId = old), the old one
 * revoke_pending with its logout owed, and the rotation marked swapped. The caller holds the old lease.
 */
export async function swapIn(
  deps: SwapDeps,
  rotation: SessionRotation,
  session: RotationTarget,
  fresh: TelegramClient,
): Promise<string> {
  await probeSameUser(deps.db, fresh, session.accountId);
  const requester: Requester = { actorId: rotation.actorId, actorLabel: rotation.actorLabel };
  const newSessionId = await deps.commit(async (tx) => {
    const id = await storeSession(tx, deps.ring, saveSession(fresh), {
      accountId: session.accountId,
      dcId: fresh.session.dcId,
      createdById: rotation.actorId,
      rotatedFromId: session.id,
    });
    await tx
      .update(telegramSessions)
      .set({ status: "revoke_pending", version: sql`${telegramSessions.version} + 1` })
      .where(eq(telegramSessions.id, session.id));
    await tx
      .insert(sessionRevocations)
      .values({
        sessionId: session.id,
        reason: "rotated",
        ...requester,
        nextAttemptAt: sql`now() + make_interval(secs => ${deps.holdSeconds})`,
      })
      .onConflictDoNothing();
    await updateRotation(tx, rotation.id, {
      step: "swapped",
      newSessionId: id,
      freshCiphertext: null,
      passwordHint: null,
    });
    return id;
  });
  await recordOwnIdentity(deps.db, newSessionId, session.accountId, fresh);
  return newSessionId;
}
