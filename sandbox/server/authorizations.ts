import { randomBytes } from "node:crypto";
import type { ServerContext } from "./context";
import type { AccountRecord, AuthKeyRecord, AuthorizationRecord, AuthorizationState } from "../store/types";

const UNKNOWN_CLIENT = {
  apiId: 0,
  deviceModel: "",
  systemVersion: "",
  appVersion: "",
  systemLangCode: "",
  langCode: "",
  ip: "",
};

/** Signs an auth key in as the account: a new authorization the owner can see and end. */
export function authorizeKey(ctx: ServerContext, key: AuthKeyRecord, account: AccountRecord, now: number): AuthorizationRecord {
  const authorization: AuthorizationRecord = {
    hash: randomBytes(8).readBigInt64LE(0).toString(),
    userId: account.userId,
    authKeyId: key.id,
    dcId: key.dcId,
    createdAt: now,
    activeAt: now,
    state: "active",
    client: key.client ?? UNKNOWN_CLIENT,
  };
  ctx.store.state.authorizations[authorization.hash] = authorization;
  key.userId = account.userId;
  key.authorizationHash = authorization.hash;
  delete key.passwordPendingUserId;
  ctx.store.changed();
  return authorization;
}

/** Ends an authorization: "logged_out" (auth.logOut) or "revoked" (terminated by the owner). */
export function endAuthorization(ctx: ServerContext, authorization: AuthorizationRecord, state: AuthorizationState): void {
  if (authorization.state !== "active") return;
  authorization.state = state;
  ctx.store.changed();
}

export function authorizationOfKey(ctx: ServerContext, key: AuthKeyRecord): AuthorizationRecord | undefined {
  return key.authorizationHash ? ctx.store.authorization(key.authorizationHash) : undefined;
}
