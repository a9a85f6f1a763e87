import { Api, type TelegramClient } from "telegram";
import type { Db } from "@/db";
import { closeRevocation, markRevokePending } from "@/db/queries/revocations";
import { rollBackRotation, updateRotation } from "@/db/queries/rotations";
import { findAccountUserId, findSessionLabels } from "@/db/queries/telegram-accounts";
import type { SessionRotation } from "@/db/schema";
import { DomainError } from "@/lib/errors/domain";
import { postponeRevocation } from "@/lib/revocation/revoke";
import { classifyTelegramError } from "@/lib/telegram/errors";
import type { Commit } from "@/lib/telegram/login/deps";
import { storeSession } from "@/lib/telegram/login/store-session";
import type { KeyRing } from "@/lib/vault";
import type { RotationTarget } from "./rotate";

/** `holder`: the lease owner of the process swapping; the new session is stored under its lease (see storeSession). */
export type SwapDeps = { db: Db; ring: KeyRing; commit: Commit; holdSeconds: number; holder: string };

/** The fresh key answered for another account than the session's: it must not replace it. */
export class RotationMismatchError extends DomainError {
  constructor() {
    super("telegram_refused", "The new key does not belong to this session's Telegram account.");
    this.name = "RotationMismatchError";
  }
}

/**
 * In one transaction (with the caller's audit row): the new session row (rotatedFromId = old), the old one
 * revoke_pending with its logout owed, and the rotation marked swapped. The caller holds the old lease.
 * A fresh key of another account is logged out and the rotation undone (RotationMismatchError).
 */
export async function swapIn(
  deps: SwapDeps,
  rotation: SessionRotation,
  session: RotationTarget,
  fresh: TelegramClient,
): Promise<string> {
  if (!(await isSameUser(deps.db, fresh, session.accountId)))
    await discardFresh(deps.db, rotation.id, fresh, new RotationMismatchError());
  const newSessionId = await deps.commit(async (tx) => {
    const id = await storeSession(tx, deps.ring, fresh, {
      accountId: session.accountId,
      dcId: fresh.session.dcId,
      createdById: rotation.actorId,
      rotatedFromId: session.id,
      labels: await findSessionLabels(tx, session.id),
      heldBy: { owner: deps.holder, seconds: deps.holdSeconds },
    });
    await markRevokePending(tx, session.id, {
      reason: "rotated",
      actorId: rotation.actorId,
      actorLabel: rotation.actorLabel,
      holdSeconds: deps.holdSeconds,
    });
    await updateRotation(tx, rotation.id, {
      step: "swapped",
      newSessionId: id,
      freshCiphertext: null,
      passwordHint: null,
    });
    return id;
  });
  return newSessionId;
}

/** Probes the fresh key: it must be logged in as the same Telegram user before it may replace the old one. */
async function isSameUser(db: Db, fresh: TelegramClient, accountId: string): Promise<boolean> {
  const [self] = await fresh.invoke(new Api.users.GetUsers({ id: [new Api.InputUserSelf()] }));
  const telegramUserId = await findAccountUserId(db, accountId);
  return self instanceof Api.User && telegramUserId !== undefined && BigInt(self.id.toString()) === telegramUserId;
}

/** A fresh key that must not be kept although Telegram authorized it: logged out, then the rotation undone. */
async function discardFresh(db: Db, rotationId: string, fresh: TelegramClient, cause: Error): Promise<never> {
  await fresh.invoke(new Api.auth.LogOut()).catch(() => undefined);
  await rollBackRotation(db, rotationId, cause.name);
  throw cause;
}

/**
 * After the swap: the old session logs itself out (auth.logOut with its own key: resetting it from the fresh
 * session would hit FRESH_RESET_AUTHORISATION_FORBIDDEN), then its key is destroyed. If Telegram cannot be
 * reached the old session stays revoke_pending and the revocation retry job finishes it. Returns its final status.
 */
export async function retireOld(
  db: Db,
  rotationId: string,
  oldSessionId: string,
  old: TelegramClient,
): Promise<"revoked" | "revoke_pending"> {
  let failure: string | undefined;
  try {
    await old.invoke(new Api.auth.LogOut());
  } catch (error) {
    const classified = classifyTelegramError(error);
    if (classified.kind !== "terminal") failure = classified.code;
  }
  if (failure) await postponeRevocation(db, oldSessionId, failure);
  else await db.transaction((tx) => closeRevocation(tx, oldSessionId));
  await updateRotation(db, rotationId, { step: "done", lockedUntil: null });
  return failure ? "revoke_pending" : "revoked";
}
