import { randomBytes } from "node:crypto";
import { Api } from "telegram";
import { authorizeKey } from "../../server/authorizations";
import { acceptLoginToken } from "../../server/login-tokens";
import type { LoginTokenRecord } from "../../store/types";
import { method, requireAccount, unixTime, type Call } from "../call";
import { authorizationObject } from "./authorization-object";
import { badRequest, unauthorized } from "../rpc-error";
import { userObject } from "../users";

/** Signs this key in as the account that accepted the token (or stops at the 2FA step). */
function complete(call: Call, token: LoginTokenRecord): Api.auth.LoginTokenSuccess {
  const account = call.ctx.store.accountByUserId(token.acceptedByUserId!);
  if (!account) throw badRequest("AUTH_TOKEN_INVALID");
  token.used = true;
  call.ctx.store.changed();
  if (account.password) {
    call.authKey.passwordPendingUserId = account.userId;
    throw unauthorized("SESSION_PASSWORD_NEEDED");
  }
  authorizeKey(call.ctx, call.authKey, account, call.now);
  return new Api.auth.LoginTokenSuccess({
    authorization: new Api.auth.Authorization({ user: userObject(account, true) }),
  });
}

export const qrLoginMethods = [
  method(Api.auth.ExportLoginToken, (call) => {
    const tokens = call.ctx.store.state.loginTokens;
    const accepted = Object.values(tokens).find(
      (t) => t.authKeyId === call.authKey.id && t.acceptedByUserId && !t.used,
    );
    if (accepted) {
      const home = call.ctx.store.accountByUserId(accepted.acceptedByUserId!)?.homeDc ?? call.dcId;
      if (home === call.dcId) return complete(call, accepted);
      return new Api.auth.LoginTokenMigrateTo({ dcId: home, token: Buffer.from(accepted.token, "hex") });
    }
    const token: LoginTokenRecord = {
      token: randomBytes(32).toString("hex"),
      authKeyId: call.authKey.id,
      dcId: call.dcId,
      expiresAt: call.now + call.ctx.limits.loginTokenTtlSeconds * 1000,
      used: false,
    };
    tokens[token.token] = token;
    call.ctx.store.changed();
    return new Api.auth.LoginToken({ expires: unixTime(token.expiresAt), token: Buffer.from(token.token, "hex") });
  }),
  method(Api.auth.ImportLoginToken, (call, req) => {
    const token = call.ctx.store.state.loginTokens[req.token.toString("hex")];
    if (!token) throw badRequest("AUTH_TOKEN_INVALID");
    if (token.used) throw badRequest("AUTH_TOKEN_ALREADY_ACCEPTED");
    if (!token.acceptedByUserId) {
      if (token.expiresAt < call.now) throw badRequest("AUTH_TOKEN_EXPIRED");
      return new Api.auth.LoginToken({ expires: unixTime(token.expiresAt), token: req.token });
    }
    return complete(call, token);
  }),
  method(Api.auth.AcceptLoginToken, (call, req) => {
    const account = requireAccount(call);
    const token = acceptLoginToken(call.ctx, req.token.toString("hex"), account, call.now);
    const exporter = call.ctx.store.authKey(token.authKeyId);
    return authorizationObject({
      hash: "0",
      dcId: token.dcId,
      client: exporter?.client,
      createdAt: call.now,
      activeAt: call.now,
    });
  }),
];
