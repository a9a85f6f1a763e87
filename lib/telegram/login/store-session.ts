import { randomUUID } from "node:crypto";
import type { DbOrTx } from "@/db";
import { insertSession } from "@/db/queries/telegram-accounts";
import { secrets } from "@/lib/keys/encrypted-columns";
import { encrypt, type KeyRing } from "@/lib/vault";

export type SessionOrigin = { accountId: string; dcId: number; createdById: string | null; rotatedFromId?: string };

/** Stores a freshly authorized key as an active session (encrypted, bound to its new row); returns its id. */
export async function storeSession(
  db: DbOrTx,
  ring: KeyRing,
  sessionString: string,
  origin: SessionOrigin,
): Promise<string> {
  const id = randomUUID();
  await insertSession(db, {
    id,
    ...origin,
    status: "active",
    sessionCiphertext: encrypt(ring, sessionString, secrets.sessionString.binding(id)),
    lastUsedAt: new Date(),
  });
  return id;
}
