import { randomUUID } from "node:crypto";
import type { TelegramClient } from "telegram";
import type { DbOrTx } from "@/db";
import { insertSession } from "@/db/queries/telegram-accounts";
import { secrets } from "@/lib/keys/encrypted-columns";
import { encrypt, type KeyRing } from "@/lib/vault";
import { saveSession, serverSaltOf } from "../client";

export type SessionOrigin = { accountId: string; dcId: number; createdById: string | null; rotatedFromId?: string };

/**
 * Stores a client's freshly authorized key as an active session (encrypted, bound to its new row), with the
 * server salt its connection uses, so the first check needs no bad_server_salt round trip; returns its id.
 */
export async function storeSession(
  db: DbOrTx,
  ring: KeyRing,
  client: TelegramClient,
  origin: SessionOrigin,
): Promise<string> {
  const id = randomUUID();
  const salt = serverSaltOf(client);
  await insertSession(db, {
    id,
    ...origin,
    status: "active",
    sessionCiphertext: encrypt(ring, saveSession(client), secrets.sessionString.binding(id)),
    serverSaltCiphertext: salt ? encrypt(ring, salt, secrets.serverSalt.binding(id)) : null,
    lastUsedAt: new Date(),
  });
  return id;
}
