import { randomBytes } from "node:crypto";
import type { ServerContext } from "./context";
import { authKeyIdOf } from "../mtproto/handshake";
import type { AccountRecord, AuthKeyRecord, AuthorizationRecord, AuthorizationState, ClientInfo } from "../store/types";

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
export function authorizeKey(
  ctx: ServerContext,
  key: AuthKeyRecord,
  account: AccountRecord,
  now: number,
): AuthorizationRecord {
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

/**
 * A test fixture with no Telegram equivalent: the server side of a finished login without the key exchange and
 * the code — a fresh random 2048-bit auth key registered on the account's home DC and authorized for it.
 */
export function mintAuthorizedKey(
  ctx: ServerContext,
  account: AccountRecord,
  client: ClientInfo,
  now: number,
): AuthKeyRecord {
  const authKey = randomBytes(256);
  const key: AuthKeyRecord = {
    id: authKeyIdOf(authKey).toString("hex"),
    dcId: account.homeDc,
    key: authKey.toString("hex"),
    salt: randomBytes(8).toString("hex"),
    createdAt: now,
    client,
  };
  ctx.store.state.authKeys[key.id] = key;
  authorizeKey(ctx, key, account, now);
  return key;
}

/** Ends an authorization: "logged_out" (auth.logOut) or "revoked" (terminated by the owner). */
export function endAuthorization(
  ctx: ServerContext,
  authorization: AuthorizationRecord,
  state: AuthorizationState,
): void {
  if (authorization.state !== "active") return;
  authorization.state = state;
  ctx.store.changed();
}

export function authorizationOfKey(ctx: ServerContext, key: AuthKeyRecord): AuthorizationRecord | undefined {
  return key.authorizationHash ? ctx.store.authorization(key.authorizationHash) : undefined;
}
