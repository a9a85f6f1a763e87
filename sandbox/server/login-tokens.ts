import { Api } from "telegram";
import type { ServerContext } from "./context";
import { badRequest } from "../api/rpc-error";
import type { AccountRecord, LoginTokenRecord } from "../store/types";

/**
 * The owner's phone scans a QR login token: the token is bound to the account and the
 * exporting client is told with updateLoginToken, as Telegram does.
 */
export function acceptLoginToken(
  ctx: ServerContext,
  tokenHex: string,
  account: AccountRecord,
  now: number,
): LoginTokenRecord {
  const token = ctx.store.state.loginTokens[tokenHex];
  if (!token) throw badRequest("AUTH_TOKEN_INVALID");
  if (token.acceptedByUserId) throw badRequest("AUTH_TOKEN_ALREADY_ACCEPTED");
  if (token.expiresAt < now) throw badRequest("AUTH_TOKEN_EXPIRED");
  token.acceptedByUserId = account.userId;
  ctx.store.changed();
  const update = new Api.UpdateShort({ update: new Api.UpdateLoginToken(), date: Math.floor(now / 1000) });
  ctx.live.push(token.authKeyId, update);
  return token;
}
