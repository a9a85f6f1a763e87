import type { AccountRecord, AuthKeyRecord } from "../store/types";
import type { ServerContext } from "../server/context";
import { unauthorized } from "./rpc-error";

/** One RPC as a method handler sees it. */
export interface Call {
  ctx: ServerContext;
  dcId: number;
  authKey: AuthKeyRecord;
  ip: string;
  now: number;
}

export type Handler = (call: Call, request: never) => unknown;

/** Registers a handler under the GramJS class name of its request type. */
export function method<T>(
  cls: { className: string; prototype: T },
  fn: (call: Call, request: T) => unknown,
): [string, Handler] {
  return [cls.className, fn as Handler];
}

/** The signed-in account of this auth key, or Telegram's 401 for why there is none. */
export function requireAccount(call: Call): AccountRecord {
  const { store } = call.ctx;
  const hash = call.authKey.authorizationHash;
  const authorization = hash ? store.authorization(hash) : undefined;
  if (!authorization || authorization.state === "logged_out") throw unauthorized("AUTH_KEY_UNREGISTERED");
  if (authorization.state === "revoked") throw unauthorized("SESSION_REVOKED");
  const account = store.accountByUserId(authorization.userId);
  if (!account) throw unauthorized("AUTH_KEY_UNREGISTERED");
  if (account.banned) throw unauthorized("USER_DEACTIVATED_BAN");
  authorization.activeAt = call.now;
  return account;
}

export const unixTime = (ms: number): number => Math.floor(ms / 1000);
