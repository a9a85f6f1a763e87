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
      ids[index] = await seedOne(db, phones[index] as string);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, phones.length) }, worker));
  return ids;
}

async function seedOne(db: DbOrTx, phone: string): Promise<string> {
  const target = await telegramTarget();
  const dcId = Number(phone[5]);
  const client = await createTelegramClient("", { dcId });
  try {
    // A fresh key means a key exchange, slow under load: this deadline is not the one checks run under.
    await withDeadline(client.connect(), 30_000);
    const sent = await client.invoke(new Api.auth.SendCode({ phoneNumber: phone, apiId: target.apiId, apiHash: target.apiHash, settings: new Api.CodeSettings({}) }));
    if (!(sent instanceof Api.auth.SentCode)) throw new Error(`unexpected ${sent.className}`);
    const auth = await client.invoke(new Api.auth.SignIn({ phoneNumber: phone, phoneCodeHash: sent.phoneCodeHash, phoneCode: String(dcId).repeat(5) }));
    if (!(auth instanceof Api.auth.Authorization) || !(auth.user instanceof Api.User)) throw new Error("sandbox login did not authorize");
    const accountId = randomUUID();
    const sessionId = randomUUID();
    await upsertAccount(db, { id: accountId, telegramUserId: BigInt(auth.user.id.toString()), firstName: auth.user.firstName ?? "", phoneMasked: maskPhone(phone), dcId }, false);
    await insertSession(db, {
      id: sessionId,
      accountId,
      dcId,
      sessionCiphertext: encrypt(loadKeyRing(), saveSession(client), secrets.sessionString.binding(sessionId)),
    });
    return sessionId;
  } finally {
    await client.destroy().catch(() => undefined);
  }
}
