import type { TelegramClient } from "telegram";
import type { Db } from "@/db";
import { findRotation, holdRotation, insertRotation, rollBackRotation, updateRotation } from "@/db/queries/rotations";
import { releaseLease } from "@/db/queries/session-leases";
import type { SessionRotation } from "@/db/schema";
import { DomainError } from "@/lib/errors/domain";
import { lockSession, type Requester } from "@/lib/revocation/revoke";
import type { ConnectionManager } from "@/lib/telegram/connection/manager";
import { tryLearnConsoleAuthorizations } from "@/lib/telegram/console-authorizations";
import { classifyTelegramError } from "@/lib/telegram/errors";
import type { Commit } from "@/lib/telegram/login/deps";
import type { KeyRing } from "@/lib/vault";
import { authorizeFresh, closeClient, openFreshClient, PasswordRequiredError, readFreshKey } from "./authorize";
import { retireOld, swapIn } from "./swap";

export type RotationDeps = { db: Db; ring: KeyRing; manager: ConnectionManager; requester: Requester; commit: Commit };

/** How long a rotation is held by the process working on it before recovery may take it over. */
export const rotationLockSeconds = (deps: Pick<RotationDeps, "manager">) => deps.manager.config.leaseSeconds * 2;

/** A finished rotation: the session that replaces the old one, and whether the old key is logged out yet. */
export type Rotated = { newSessionId: string; oldSessionStatus: "revoked" | "revoke_pending" };

/**
 * Rotates a session: a new authorization minted from the old one (no code; the 2FA password when the
 * account has one — PasswordRequiredError asks for it), verified, swapped in while the old session's lease
 * is held, then the old key logs itself out. All of it runs under that lease.
 */
export async function rotateSession(
  deps: RotationDeps,
  sessionId: string,
  options: { password?: string; trigger?: "manual" | "policy" } = {},
): Promise<Rotated> {
  const claim = await beginRotation(
    deps.db,
    sessionId,
    deps.requester,
    options.trigger ?? "manual",
    rotationLockSeconds(deps),
  );
  try {
    return await deps.manager.run(deps.db, sessionId, (old) => rotateUnderLease(deps, claim, old, options.password), {
      method: "auth.AcceptLoginToken",
      keepAlive: false,
    });
  } catch (error) {
    await settleFailure(deps, claim.rotation.id, error);
    throw error;
  }
}

export type RotationTarget = { id: string; accountId: string; dcId: number };
type RotationClaim = { rotation: SessionRotation; session: RotationTarget };

const refusals: Record<string, string> = {
  invalid: "Telegram no longer accepts this session, so it cannot be rotated. Forget it and log the account in again.",
  revoke_pending: "This session is being revoked.",
  revoked: "This session is revoked.",
};

/**
 * Opens a rotation (or takes back one waiting for the 2FA password), holding it for `lockSeconds`.
 * Refused (conflict) when the session is not usable or another rotation or a revoke is under way.
 */
async function beginRotation(
  db: Db,
  sessionId: string,
  requester: Requester,
  trigger: "manual" | "policy",
  lockSeconds: number,
): Promise<RotationClaim> {
  return db.transaction(async (tx) => {
    const { session, rotation } = await lockSession(tx, sessionId);
    const refusal = refusals[session.status];
    if (refusal) throw new DomainError("conflict", refusal);
    if (rotation) {
      const free = !rotation.lockedUntil || rotation.lockedUntil.getTime() < Date.now();
      if (rotation.step !== "password_needed" || !free)
        throw new DomainError("conflict", "This session is already being rotated.");
      return { rotation: (await holdRotation(tx, rotation.id, lockSeconds)) ?? rotation, session };
    }
    return { rotation: await insertRotation(tx, sessionId, { trigger, ...requester, lockSeconds }), session };
  });
}

async function rotateUnderLease(
  deps: RotationDeps,
  { rotation, session }: RotationClaim,
  old: TelegramClient,
  password?: string,
): Promise<Rotated> {
  const fresh = await openFreshClient(readFreshKey(deps.ring, rotation) ?? "", session.dcId);
  let newSessionId: string | undefined;
  try {
    await authorizeFresh(deps, rotation, fresh, old, password);
    newSessionId = await swapIn(
      { ...deps, holdSeconds: deps.manager.config.leaseSeconds, holder: deps.manager.owner },
      rotation,
      session,
      fresh,
    );
    await tryLearnConsoleAuthorizations(
      deps.db,
      { sessionId: newSessionId, client: fresh },
      { sessionId: session.id, client: old },
    );
    const oldSessionStatus = await retireOld(deps.db, rotation.id, session.id, old);
    return { newSessionId, oldSessionStatus };
  } finally {
    await closeClient(fresh);
    if (newSessionId) await releaseLease(deps.db, newSessionId, deps.manager.owner);
  }
}

/**
 * A rotation that never got its fresh key is undone at once. One waiting for the password (or refused a
 * wrong one) stays open for the next try. Any other is left to recovery, which decides from what Telegram
 * says about the fresh key: a lost answer must not make us drop a key Telegram did authorize.
 */
async function settleFailure(deps: RotationDeps, rotationId: string, error: unknown): Promise<void> {
  const rotation = await findRotation(deps.db, rotationId);
  if (
    !rotation ||
    rotation.step === "done" ||
    rotation.step === "rolled_back" ||
    error instanceof PasswordRequiredError
  )
    return;
  const code = classifyTelegramError(error).code;
  if (rotation.step === "started") return rollBackRotation(deps.db, rotationId, code);
  await updateRotation(deps.db, rotationId, { lockedUntil: null, lastError: code });
}
