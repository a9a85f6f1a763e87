import { randomUUID } from "node:crypto";
import { Api } from "telegram";
import type { DbOrTx } from "@/db";
import { insertSession, upsertAccount } from "@/db/queries/telegram-accounts";
import { secrets } from "@/lib/keys/encrypted-columns";
import { createTelegramClient, saveSession } from "@/lib/telegram/client";
import { withDeadline } from "@/lib/telegram/deadline";
import { maskPhone } from "@/lib/telegram/login/phone";
import { telegramTarget } from "@/lib/telegram/target";
import { encrypt, loadKeyRing } from "@/lib/vault";

/** Sandbox test numbers: 99966 X YYYY lives on DC X and its code is X five times. */
export function sandboxPhone(dc: number, n: number): string {
  return `99966${dc}${String(n).padStart(4, "0")}`;
}

/**
 * Real logins against the sandbox DC (one fresh auth key each), stored as the login flow stores them.
 * For tests and the sweep benchmark; `concurrency` logins run at once.
 */
export async function seedSandboxSessions(db: DbOrTx, phones: string[], concurrency = 8): Promise<string[]> {
  const ids: string[] = new Array<string>(phones.length);
  let next = 0;
  const worker = async () => {
    while (next < phones.length) {
      const index = next++;
      ids[index] = await withRetries(() => seedOne(db, phones[index] as string));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, phones.length) }, worker));
  return ids;
}

/** A busy machine can time a key exchange or a pool connection out; a fresh login fixes that. */
async function withRetries<T>(work: () => Promise<T>, tries = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= tries) throw error;
    }
  }
}

async function seedOne(db: DbOrTx, phone: string): Promise<string> {
  const target = await telegramTarget();
  const dcId = Number(phone[5]);
  const client = await createTelegramClient("", { dcId });
  try {
    // A fresh key means a key exchange, slow under load: this deadline is not the one checks run under.
    await withDeadline(client.connect(), 30_000);
    const sent = await client.invoke(
      new Api.auth.SendCode({
        phoneNumber: phone,
        apiId: target.apiId,
        apiHash: target.apiHash,
        settings: new Api.CodeSettings({}),
      }),
    );
    if (!(sent instanceof Api.auth.SentCode)) throw new Error(`unexpected ${sent.className}`);
    const auth = await client.invoke(
      new Api.auth.SignIn({ phoneNumber: phone, phoneCodeHash: sent.phoneCodeHash, phoneCode: String(dcId).repeat(5) }),
    );
    if (!(auth instanceof Api.auth.Authorization) || !(auth.user instanceof Api.User))
      throw new Error("sandbox login did not authorize");
    const accountId = randomUUID();
    const sessionId = randomUUID();
    const { user } = auth;
    const sessionCiphertext = encrypt(loadKeyRing(), saveSession(client), secrets.sessionString.binding(sessionId));
    await db.transaction(async (tx) => {
      await upsertAccount(
        tx,
        {
          id: accountId,
          telegramUserId: BigInt(user.id.toString()),
          firstName: user.firstName ?? "",
          phoneMasked: maskPhone(phone),
          dcId,
        },
        false,
      );
      await insertSession(tx, { id: sessionId, accountId, dcId, sessionCiphertext });
    });
    return sessionId;
  } finally {
    await client.destroy().catch(() => undefined);
  }
}
