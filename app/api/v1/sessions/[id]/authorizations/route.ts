import { Api } from "telegram";
import { apiRoute } from "@/lib/api/handler";
import { authorizationsBody, type AuthorizationsBody } from "@/lib/api/schemas/authorizations";
import { idParams } from "@/lib/api/schemas/common";
import { sessionClientError } from "@/lib/api/session-client-errors";
import { withSessionClient } from "@/lib/telegram/connection";

const method = "account.getAuthorizations";

/**
 * The account's logged-in devices, asked of Telegram on each call through this session (changes nothing in
 * the console, so a GET that viewers may make). 409 while another process holds the session, 429 in a flood wait.
 */
export const GET = apiRoute({ role: "viewer", params: idParams }, async ({ db, params }): Promise<AuthorizationsBody> => {
  try {
    const result = await withSessionClient(db, params.id, (client) => client.invoke(new Api.account.GetAuthorizations()), { method });
    return authorizationsBody(result, new Date());
  } catch (error) {
    throw sessionClientError(error);
  }
});
