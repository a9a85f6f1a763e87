import { Api, type TelegramClient } from "telegram";
import { connectClient, createTelegramClient } from "../client";
import { telegramTarget } from "../target";

/**
 * Where a login continues when Telegram moves it to the account's home DC: a connected client with a key made
 * on that DC, which the caller keeps (saves, finishes the login with, destroys) from then on.
 */
export type MoveToDc = (dcId: number) => Promise<TelegramClient>;

/**
 * auth.exportLoginToken, following a move to the account's home DC: a new token while nobody accepted
 * the last one, LoginTokenSuccess once an authorized session did. SESSION_PASSWORD_NEEDED is thrown.
 * Without `moveTo` a move is an error (a rotation's fresh key is made on the account's DC already).
 */
export async function exportLoginToken(
  client: TelegramClient,
  moveTo?: MoveToDc,
): Promise<Api.auth.LoginToken | Api.auth.LoginTokenSuccess> {
  const { apiId, apiHash } = await telegramTarget();
  let answer = await client.invoke(new Api.auth.ExportLoginToken({ apiId, apiHash, exceptIds: [] }));
  if (answer instanceof Api.auth.LoginTokenMigrateTo) {
    if (!moveTo) throw new Error(`Telegram moved the login to DC ${answer.dcId}, which this caller does not follow`);
    const home = await moveTo(answer.dcId);
    answer = await home.invoke(new Api.auth.ImportLoginToken({ token: answer.token }));
  }
  if (answer instanceof Api.auth.LoginTokenSuccess || answer instanceof Api.auth.LoginToken) return answer;
  throw new Error(`unexpected answer to exportLoginToken: ${answer.className}`);
}

/**
 * The client a login works with, which a move to the account's home DC replaces by a new, empty session
 * homed there and connected with a key made there. The key must not come from the old session: GramJS's
 * _switchDC keeps a session loaded from a string, whose load() (run by every connect) puts the old DC's key
 * back, and the home DC refuses it with -404.
 */
export class MovableClient {
  private closed = false;

  constructor(public client: TelegramClient) {}

  readonly moveTo: MoveToDc = async (dcId) => {
    const home = await createTelegramClient("", { dcId });
    try {
      await connectClient(home);
      // A step past its deadline has already closed this holder: nobody would save or close the new client.
      if (this.closed) throw new Error("the login step ended while it moved to another DC");
    } catch (error) {
      await home.destroy().catch(() => undefined);
      throw error;
    }
    await this.client.destroy().catch(() => undefined);
    this.client = home;
    return home;
  };

  async close(): Promise<void> {
    this.closed = true;
    await this.client.destroy().catch(() => undefined);
  }
}
