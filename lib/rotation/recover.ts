import type { TelegramClient } from "telegram";
import type { Db } from "@/db";
import {
  claimStaleRotation,
  closedRotationSteps,
  findRotation,
  rollBackRotation,
  updateRotation,
} from "@/db/queries/rotations";
import { releaseLease } from "@/db/queries/session-leases";
import { findSessionTarget } from "@/db/queries/telegram-accounts";
import type { SessionRotation } from "@/db/schema";
import { systemActor, writeAudit } from "@/lib/audit";
import { log } from "@/lib/log";
import type { ConnectionManager } from "@/lib/telegram/connection/manager";
import { tryLearnConsoleAuthorizations } from "@/lib/telegram/console-authorizations";
import { freshIsAuthorized } from "@/lib/telegram/login/authorized-user";
import type { Commit } from "@/lib/telegram/login/deps";
import type { KeyRing } from "@/lib/vault";
import { closeClient, openFreshClient, readFreshKey, saveFreshStep } from "./authorize";
import { rotationLockSeconds } from "./rotate";
import { retireOld, swapIn } from "./swap";

export type RecoveryDeps = { db: Db; ring: KeyRing; manager: ConnectionManager; passwordWaitMinutes?: number };

/**
 * Finishes or undoes rotations left open by a crash: a fresh key Telegram authorized is swapped in (and the
 * old one logged out); one it did not is dropped. Returns how many rotations it closed.
 */
export async function recoverRotations(deps: RecoveryDeps, limit = 5): Promise<number> {
  let closed = 0;
  for (let i = 0; i < limit; i++) {
    const rotation = await claimStaleRotation(deps.db, rotationLockSeconds(deps), deps.passwordWaitMinutes ?? 15);
    if (!rotation) break;
    try {
      if (!(await closeWithoutTelegram(deps, rotation))) {
        await deps.manager.run(deps.db, rotation.sessionId, (old) => recoverUnderLease(deps, rotation.id, old), {
          keepAlive: false,
        });
      }
      closed++;
    } catch (error) {
      // The rotation's hold runs out and a later pass tries again.
      log.warn({ rotationId: rotation.id, err: error }, "could not recover a rotation yet");
    }
  }
  return closed;
}

/** Rotations that need nothing from Telegram to close; true when it was one of them. */
async function closeWithoutTelegram(deps: RecoveryDeps, rotation: SessionRotation): Promise<boolean> {
  // After the swap the revocation retry job owns the old key's logout.
  if (rotation.step === "swapped") await updateRotation(deps.db, rotation.id, { step: "done", lockedUntil: null });
  else if (rotation.step === "started" || rotation.step === "password_needed" || !rotation.freshCiphertext)
    await rollBackRotation(deps.db, rotation.id, "RECOVERED");
  else return false;
  return true;
}

async function recoverUnderLease(deps: RecoveryDeps, rotationId: string, old: TelegramClient): Promise<void> {
  const rotation = await findRotation(deps.db, rotationId);
  if (!rotation || closedRotationSteps.includes(rotation.step)) return;
  const saved = readFreshKey(deps.ring, rotation);
  if (!saved || rotation.step === "password_needed") return rollBackRotation(deps.db, rotation.id, "RECOVERED");
  const session = await findSessionTarget(deps.db, rotation.sessionId);
  if (!session) return rollBackRotation(deps.db, rotation.id, "SESSION_GONE");
  const fresh = await openFreshClient(saved, session.dcId);
  let newSessionId: string | undefined;
  try {
    if (!(await freshIsAuthorized(fresh, rotation.step !== "authorized")))
      return rollBackRotation(deps.db, rotation.id, "RECOVERED");
    if (rotation.step !== "authorized") await saveFreshStep(deps.db, deps.ring, rotation.id, "authorized", fresh);
    newSessionId = await swapIn(
      {
        ...deps,
        commit: systemCommit(deps.db, rotation),
        holdSeconds: deps.manager.config.leaseSeconds,
        holder: deps.manager.owner,
      },
      rotation,
      session,
      fresh,
    );
    await tryLearnConsoleAuthorizations(
      deps.db,
      { sessionId: newSessionId, client: fresh },
      { sessionId: session.id, client: old },
    );
    await retireOld(deps.db, rotation.id, session.id, old);
  } finally {
    await closeClient(fresh);
    if (newSessionId) await releaseLease(deps.db, newSessionId, deps.manager.owner);
  }
}

/** The swap's transaction, with an audit row naming the system as the one that finished the admin's rotation. */
function systemCommit(db: Db, rotation: SessionRotation): Commit {
  return (work) =>
    db.transaction(async (tx) => {
      const result = await work(tx);
      await writeAudit(tx, systemActor, {
        action: "session.rotate",
        target: rotation.sessionId,
        outcome: "success",
        detail: { result: "rotated", recovered: true, requestedBy: rotation.actorLabel },
      });
      return result;
    });
}
