import { eq, sql } from "drizzle-orm";
import type { TelegramClient } from "telegram";
import type { DbOrTx } from "@/db";
import { sessionRotations, type RotationStep, type SessionRotation } from "@/db/schema";
import { secrets } from "@/lib/keys/encrypted-columns";
import { saveSession } from "@/lib/telegram/client";
import { decrypt, encrypt, type KeyRing } from "@/lib/vault";

export type RotationPatch = Partial<
  Pick<SessionRotation, "step" | "freshCiphertext" | "passwordHint" | "lastError" | "lockedUntil" | "newSessionId">
>;

export async function updateRotation(db: DbOrTx, id: string, patch: RotationPatch): Promise<void> {
  await db
    .update(sessionRotations)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(sessionRotations.id, id));
}

/** Persists the step together with the fresh key as it is now (a DC move changes it), encrypted to this row. */
export function saveFreshStep(
  db: DbOrTx,
  ring: KeyRing,
  id: string,
  step: RotationStep,
  fresh: TelegramClient,
  extra: RotationPatch = {},
): Promise<void> {
  return updateRotation(db, id, {
    step,
    freshCiphertext: encrypt(ring, saveSession(fresh), secrets.rotationSession.binding(id)),
    ...extra,
  });
}

export function readFreshKey(ring: KeyRing, rotation: Pick<SessionRotation, "id" | "freshCiphertext">): string | null {
  return rotation.freshCiphertext
    ? decrypt(ring, rotation.freshCiphertext, secrets.rotationSession.binding(rotation.id))
    : null;
}

export function findRotation(db: DbOrTx, id: string): Promise<SessionRotation | undefined> {
  return db.query.sessionRotations.findFirst({ where: eq(sessionRotations.id, id) });
}

/** Closes a rotation that did not authorize its fresh key: the key is dropped, the old session stays. */
export function rollBack(db: DbOrTx, id: string, reason: string): Promise<void> {
  return updateRotation(db, id, {
    step: "rolled_back",
    freshCiphertext: null,
    passwordHint: null,
    lastError: reason,
    lockedUntil: null,
  });
}
