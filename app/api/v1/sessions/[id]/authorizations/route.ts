import { Api } from "telegram";
import { apiRoute } from "@/lib/api/handler";
import {
  authorizationsBody,
  type AuthorizationsBody,
  authorizationsBodySchema,
} from "@/lib/api/schemas/authorizations";
import { idParams } from "@/lib/api/schemas/common";
import { reconcileAuthorizations } from "@/lib/reconcile/reconcile";
import { withSessionClient } from "@/lib/telegram/connection";

const method = "account.getAuthorizations";

/**
 * The account's logged-in devices, asked of Telegram on each call through this session, each marked foreign or
 * as one of the console's sessions. Viewers may call it: what it records is observation, as a health check's
 * is (the sessions' Telegram identities, and a console session Telegram no longer lists becomes invalid).
 * 409 while another process holds the session, 429 during a flood wait.
 */
export const GET = apiRoute(
  {
    summary: "The account's devices, and which are the console's",
    response: authorizationsBodySchema,
    role: "viewer",
    params: idParams,
  },
  async ({ db, params }): Promise<AuthorizationsBody> => {
    const result = await withSessionClient(
      db,
      params.id,
      (client) => client.invoke(new Api.account.GetAuthorizations()),
      { method },
    );
    return authorizationsBody(result, await reconcileAuthorizations(db, params.id, result), new Date());
  },
);
