import type { SessionRotation } from "@/db/schema";
import { classifyTelegramError } from "@/lib/telegram/errors";
import { authorizeFresh, PasswordRequiredError } from "./authorize";
import { beginRotation, type RotationClaim } from "./begin";
import { rotationLockSeconds, type RotationDeps } from "./deps";
import { closeClient, openFreshClient } from "./fresh-client";
import { retireOld } from "./retire-old";
import { findRotation, readFreshKey, rollBack, updateRotation } from "./store";
import { discardFresh } from "./discard";
import { RotationMismatchError, swapIn } from "./swap";

export type RotateResult = {
  id: string;
  status: "rotated";
  newSessionId: string;
  oldSessionStatus: "revoked" | "revoke_pending";
};

/**
 * Rotates a session: a new authorization minted from the old one (no code; the 2FA password when the
 * account has one — PasswordRequiredError asks for it), verified, swapped in while the old session's lease
 * is held, then the old key logs itself out. All of it runs under that lease.
 */
export async function rotateSession(
  deps: RotationDeps,
  sessionId: string,
  options: { password?: string; trigger?: "manual" | "policy" } = {},
): Promise<RotateResult> {
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

async function rotateUnderLease(
  deps: RotationDeps,
  { rotation, session }: RotationClaim,
  old: Parameters<typeof authorizeFresh>[3],
  password?: string,
): Promise<RotateResult> {
  const fresh = await openFreshClient(readFreshKey(deps.ring, rotation) ?? "", session.dcId);
  try {
    await authorizeFresh(deps, rotation, fresh, old, password);
    const newSessionId = await swapIn(
      { ...deps, holdSeconds: deps.manager.config.leaseSeconds },
      rotation,
      session,
      fresh,
    ).catch((error: unknown) =>
      error instanceof RotationMismatchError ? discardFresh(deps, rotation.id, fresh, error) : Promise.reject(error),
    );
    const oldSessionStatus = await retireOld(deps.db, rotation.id, session.id, old);
    return { id: session.id, status: "rotated", newSessionId, oldSessionStatus };
  } finally {
    await closeClient(fresh);
  }
}

/**
 * A rotation that never got its fresh key is undone at once. One waiting for the password (or refused a
 * wrong one) stays open for the next try. Any other is left to recovery, which decides from what Telegram
 * says about the fresh key: a lost answer must not make us drop a key Telegram did authorize.
 */
async function settleFailure(deps: RotationDeps, rotationId: string, error: unknown): Promise<void> {
  const rotation: SessionRotation | undefined = await findRotation(deps.db, rotationId);
  if (
    !rotation ||
    rotation.step === "done" ||
    rotation.step === "rolled_back" ||
    error instanceof PasswordRequiredError
  )
    return;
  const code = classifyTelegramError(error).code;
  if (rotation.step === "started") return rollBack(deps.db, rotationId, code);
  await updateRotation(deps.db, rotationId, { lockedUntil: null, lastError: code });
}
