import { Api, type TelegramClient } from "telegram";
import { telegramTarget } from "../target";

/**
 * auth.exportLoginToken, following a move to the account's home DC: a new token while nobody accepted
 * the last one, LoginTokenSuccess once an authorized session did. SESSION_PASSWORD_NEEDED is thrown.
 */
export async function exportLoginToken(
  client: TelegramClient,
): Promise<Api.auth.LoginToken | Api.auth.LoginTokenSuccess> {
  const { apiId, apiHash } = await telegramTarget();
  let answer = await client.invoke(new Api.auth.ExportLoginToken({ apiId, apiHash, exceptIds: [] }));
  if (answer instanceof Api.auth.LoginTokenMigrateTo) {
    await client._switchDC(answer.dcId);
    answer = await client.invoke(new Api.auth.ImportLoginToken({ token: answer.token }));
  }
  if (answer instanceof Api.auth.LoginTokenSuccess || answer instanceof Api.auth.LoginToken) return answer;
  throw new Error(`unexpected answer to exportLoginToken: ${answer.className}`);
}
