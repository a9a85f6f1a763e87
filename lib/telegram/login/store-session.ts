import { createHash, randomUUID } from "node:crypto";
import type { Api, TelegramClient } from "telegram";
import type { DbOrTx } from "@/db";
import { findAccountByTelegramId, insertSession, upsertAccount } from "@/db/queries/telegram-accounts";
import { secrets } from "@/lib/keys/encrypted-columns";
import { encrypt, type KeyRing } from "@/lib/vault";
import { saveSession, serverSaltOf } from "../client";
import { maskPhone } from "./phone";

export type SessionOrigin = {
  accountId: string;
  dcId: number;
  createdById: string | null;
  rotatedFromId?: string;
  labels?: string[];
  sharedKey?: boolean;
  /**
   * Stored under this process's lease (`owner`, for `seconds`): the caller goes on using the client that made the key,
   * and no other process may open a second connection with it meanwhile (a health check would, the session being due).
   */
  heldBy?: { owner: string; seconds: number };
};

/** The auth key id Telegram knows a key by: the low 64 bits of its SHA-1, as hex. */
export function authKeyIdOf(authKey: Uint8Array): string {
  return createHash("sha1").update(authKey).digest().subarray(12).toString("hex");
}

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
  const authKey = client.session.getAuthKey()?.getKey();
  const { heldBy, ...rest } = origin;
  await insertSession(db, {
    id,
    ...rest,
    ...(heldBy ? { leaseOwner: heldBy.owner, leaseUntil: new Date(Date.now() + heldBy.seconds * 1000) } : {}),
    status: "active",
    sessionCiphertext: encrypt(ring, saveSession(client), secrets.sessionString.binding(id)),
    serverSaltCiphertext: salt ? encrypt(ring, salt, secrets.serverSalt.binding(id)) : null,
    authKeyId: authKey ? authKeyIdOf(authKey) : null,
    lastUsedAt: new Date(),
  });
  return id;
}

/**
 * Creates or refreshes the account of the Telegram user a key answered for (the phone encrypted, masked for
 * pages; `phoneMasked` stands in when Telegram does not show the phone). Returns its id and whether it existed.
 */
export async function storeAccount(
  db: DbOrTx,
  ring: KeyRing,
  user: Api.User,
  dcId: number,
  phoneMasked: string,
): Promise<{ accountId: string; existed: boolean }> {
  const telegramUserId = BigInt(user.id.toString());
  const existing = await findAccountByTelegramId(db, telegramUserId);
  const accountId = existing?.id ?? randomUUID();
  const phone = user.phone ?? null;
  await upsertAccount(
    db,
    {
      id: accountId,
      telegramUserId,
      firstName: user.firstName ?? "",
      lastName: user.lastName ?? null,
      username: user.username ?? null,
      phoneCiphertext: phone ? encrypt(ring, phone, secrets.accountPhone.binding(accountId)) : null,
      phoneMasked: phone ? maskPhone(phone) : phoneMasked,
      dcId,
    },
    Boolean(existing),
  );
  return { accountId, existed: Boolean(existing) };
}
