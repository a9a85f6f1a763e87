import { randomUUID } from "node:crypto";
import type { DbOrTx } from "@/db";
import { telegramAccounts, telegramSessions } from "@/db/schema";
import { secrets } from "@/lib/keys/encrypted-columns";
import { maskPhone } from "@/lib/telegram/login/phone";
import { telegramTarget } from "@/lib/telegram/target";
import { encrypt, loadKeyRing } from "@/lib/vault";
import type { MintedAuthorization } from "@/sandbox/control/views";
import { mintedSessionString } from "@/sandbox/minted-session";

/**
 * Sandbox sessions from minted authorizations (the sandbox's finished-login fixture, no key exchange or code),
 * stored as the login flow stores them: one account per number, the vault-encrypted StringSession.
 * Seconds for 1,000 sessions where real logins take minutes; for the sweep benchmark.
 */
export async function seedMintedSessions(db: DbOrTx, phones: string[], batchSize = 200): Promise<string[]> {
  const target = await telegramTarget();
  if (target.kind !== "sandbox") throw new Error("minted sessions exist only in the sandbox");
  const keyRing = loadKeyRing();
  const ids: string[] = [];
  for (let start = 0; start < phones.length; start += batchSize) {
    const minted = await Promise.all(
      phones.slice(start, start + batchSize).map((phone) => mint(target.info.control, phone)),
    );
    const accounts = minted.map((m) => ({
      id: randomUUID(),
      telegramUserId: BigInt(m.userId),
      firstName: m.firstName,
      phoneMasked: maskPhone(m.phone),
      dcId: m.dcId,
    }));
    const sessions = minted.map((m, i) => {
      const id = randomUUID();
      return {
        id,
        accountId: accounts[i]!.id,
        dcId: m.dcId,
        sessionCiphertext: encrypt(keyRing, mintedSessionString(m), secrets.sessionString.binding(id)),
      };
    });
    await db.transaction(async (tx) => {
      await tx.insert(telegramAccounts).values(accounts);
      await tx.insert(telegramSessions).values(sessions);
    });
    ids.push(...sessions.map((s) => s.id));
  }
  return ids;
}

async function mint(control: string, phone: string): Promise<MintedAuthorization> {
  const response = await fetch(new URL(`/accounts/${phone}/authorizations`, control), { method: "POST" });
  if (response.status !== 201) throw new Error(`sandbox minting for ${maskPhone(phone)} answered ${response.status}`);
  const [minted] = (await response.json()) as MintedAuthorization[];
  return minted!;
}
