import { randomBytes } from "node:crypto";
import { Api } from "telegram";
import { authorizationOfKey, endAuthorization } from "../../server/authorizations";
import { method, requireAccount, type Call } from "../call";
import { badRequest, RpcError, unauthorized } from "../rpc-error";
import { authorizationObject } from "./authorization-object";

/** Telegram refuses to let a session younger than a day terminate others. */
function requireSeasoned(call: Call): void {
  const own = authorizationOfKey(call.ctx, call.authKey);
  if (own && call.now - own.createdAt < call.ctx.limits.freshResetSeconds * 1000) {
    throw new RpcError(406, "FRESH_RESET_AUTHORISATION_FORBIDDEN");
  }
}

export const authorizationMethods = [
  method(Api.account.GetAuthorizations, (call) => {
    const account = requireAccount(call);
    const authorizations = call.ctx.store
      .authorizationsOf(account.userId)
      .map((a) => authorizationObject({ ...a, current: a.authKeyId === call.authKey.id }));
    return new Api.account.Authorizations({ authorizationTtlDays: account.authorizationTtlDays, authorizations });
  }),
  method(Api.account.ResetAuthorization, (call, req) => {
    const account = requireAccount(call);
    const target = call.ctx.store.authorization(req.hash.toString());
    if (!target || target.userId !== account.userId || target.state !== "active") throw badRequest("HASH_INVALID");
    requireSeasoned(call);
    endAuthorization(call.ctx, target, "revoked");
    return true;
  }),
  method(Api.auth.ResetAuthorizations, (call) => {
    const account = requireAccount(call);
    requireSeasoned(call);
    for (const a of call.ctx.store.authorizationsOf(account.userId)) {
      if (a.authKeyId !== call.authKey.id) endAuthorization(call.ctx, a, "revoked");
    }
    return true;
  }),
  method(Api.account.SetAuthorizationTTL, (call, req) => {
    const account = requireAccount(call);
    if (req.authorizationTtlDays < 1 || req.authorizationTtlDays > 366) throw badRequest("TTL_DAYS_INVALID");
    account.authorizationTtlDays = req.authorizationTtlDays;
    call.ctx.store.changed();
    return true;
  }),
  method(Api.auth.LogOut, (call) => {
    const own = authorizationOfKey(call.ctx, call.authKey);
    if (!own || own.state !== "active") throw unauthorized("AUTH_KEY_UNREGISTERED");
    endAuthorization(call.ctx, own, "logged_out");
    return new Api.auth.LoggedOut({ futureAuthToken: randomBytes(32) });
  }),
];
