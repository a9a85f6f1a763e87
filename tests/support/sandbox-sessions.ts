import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { Api } from "telegram";
import type { Db, DbOrTx } from "@/db";
import { insertSession, upsertAccount } from "@/db/queries/telegram-accounts";
import { telegramAccounts, telegramSessions } from "@/db/schema";
import { secrets } from "@/lib/keys/encrypted-columns";
import { createTelegramClient, saveSession, serverSaltOf } from "@/lib/telegram/client";
import { withDeadline } from "@/lib/telegram/deadline";
import { maskPhone } from "@/lib/telegram/login/phone";
import { telegramTarget } from "@/lib/telegram/target";
// Parts of lib/vault, not its index: Playwright specs seed too, outside any server bundle, where the index's
// server-only fence throws.
import { encrypt } from "@/lib/vault/cipher";
import type { KeyRing } from "@/lib/vault/key-ring";
import { loadKeyRing } from "@/lib/vault/load-key-ring";
import type { MintedAuthorization } from "@/sandbox/control/views";
import { mintedServerSalt, mintedSessionString } from "@/sandbox/minted-session";

/** Sandbox test numbers: 99966 X YYYY lives on DC X and its code is X five times. */
export function sandboxPhone(dc: number, n: number): string {
  return `99966${dc}${String(n).padStart(4, "0")}`;
}

/**
 * Real logins against the sandbox DC (one fresh auth key each), stored as the login flow stores them (with the
 * server salt the login's connection learned).
 * For tests and the sweep benchmark; `concurrency` logins run at once.
 */
export async function seedSandboxSessions(db: DbOrTx, phones: string[], concurrency = 8): Promise<string[]> {
  const ids: string[] = new Array<string>(phones.length);
  let next = 0;
  const worker = async () => {
    while (next < phones.length) {
      const index = next++;
      ids[index] = await withRetries(() => logInOne(db, phones[index] as string));
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

async function logInOne(db: DbOrTx, phone: string): Promise<string> {
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
    const salt = serverSaltOf(client);
    const serverSaltCiphertext = salt ? encrypt(loadKeyRing(), salt, secrets.serverSalt.binding(sessionId)) : null;
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
      await insertSession(tx, { id: sessionId, accountId, dcId, sessionCiphertext, serverSaltCiphertext });
    });
    return sessionId;
  } finally {
    await client.destroy().catch(() => undefined);
  }
}

let seq = 0;

/** Fresh sandbox numbers (each number may ask for only a few codes an hour, so none is reused). */
export function nextPhones(count: number, dc = 2): string[] {
  return Array.from({ length: count }, () => sandboxPhone(dc, 1000 + ++seq));
}

export async function seedOne(db: Db, dc = 2): Promise<{ id: string; phone: string }> {
  const [phone] = nextPhones(1, dc) as [string];
  const [id] = (await seedSandboxSessions(db, [phone])) as [string];
  return { id, phone };
}

export async function sessionRow(db: Db, id: string) {
  const row = await db.query.telegramSessions.findFirst({ where: eq(telegramSessions.id, id) });
  if (!row) throw new Error(`no session ${id}`);
  return row;
}

export async function sessionEventsOf(db: Db, id: string) {
  return db.query.sessionEvents.findMany({
    where: (e, { eq: is }) => is(e.sessionId, id),
    orderBy: (e, { asc }) => asc(e.id),
  });
}

/**
 * Sandbox sessions from minted authorizations (the sandbox's finished-login fixture, no key exchange or code),
 * stored as the login flow stores them: one account per number, the vault-encrypted StringSession and server salt.
 * Seconds for 1,000 sessions where real logins take minutes; for the sweep benchmark. `control` and `ring` default
 * to this process's configuration (TELEGRAM_SANDBOX_URL, SESSION_ENCRYPTION_KEYS); a harness that seeds for
 * console processes it starts passes theirs.
 */
export async function seedMintedSessions(
  db: DbOrTx,
  phones: string[],
  options: { batchSize?: number; control?: string; ring?: KeyRing } = {},
): Promise<MintedSession[]> {
  const batchSize = options.batchSize ?? 200;
  const control = options.control ?? (await sandboxControl());
  const keyRing = options.ring ?? loadKeyRing();
  const seeded: MintedSession[] = [];
  for (let start = 0; start < phones.length; start += batchSize) {
    const minted = await Promise.all(phones.slice(start, start + batchSize).map((phone) => mint(control, phone)));
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
        serverSaltCiphertext: encrypt(keyRing, mintedServerSalt(m), secrets.serverSalt.binding(id)),
      };
    });
    await db.transaction(async (tx) => {
      await tx.insert(telegramAccounts).values(accounts);
      await tx.insert(telegramSessions).values(sessions);
    });
    seeded.push(...sessions.map((s, i) => ({ id: s.id, phone: minted[i]!.phone, authKeyId: minted[i]!.authKeyId })));
  }
  return seeded;
}

/** A seeded minted session: its row id, its account's number and the auth key id the sandbox logs it under. */
export type MintedSession = { id: string; phone: string; authKeyId: string };

async function sandboxControl(): Promise<string> {
  const target = await telegramTarget();
  if (target.kind !== "sandbox") throw new Error("minted sessions exist only in the sandbox");
  return target.info.control;
}

async function mint(control: string, phone: string): Promise<MintedAuthorization> {
  const response = await fetch(new URL(`/accounts/${phone}/authorizations`, control), { method: "POST" });
  if (response.status !== 201) throw new Error(`sandbox minting for ${maskPhone(phone)} answered ${response.status}`);
  const [minted] = (await response.json()) as MintedAuthorization[];
  return minted!;
}
