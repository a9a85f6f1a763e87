import type { DcEndpoint } from "../server/context";
import type { AccountRecord, AuthKeyRecord, AuthorizationRecord } from "../store/types";

export interface AccountView {
  phone: string;
  userId: string;
  firstName: string;
  lastName: string;
  username: string | null;
  homeDc: number;
  hasPassword: boolean;
  hint: string | null;
  frozen: { since: string; until: string; appealUrl: string } | null;
  banned: boolean;
  restrictions: { platform: string; reason: string; text: string }[];
}

export interface AuthorizationView {
  id: string;
  phone: string | null;
  dcId: number;
  device: { model: string; system: string; appVersion: string; apiId: number; langCode: string };
  ip: string;
  createdAt: string;
  lastActiveAt: string;
  state: AuthorizationRecord["state"];
}

export function accountView(a: AccountRecord): AccountView {
  return {
    phone: a.phone,
    userId: a.userId,
    firstName: a.firstName,
    lastName: a.lastName,
    username: a.username ?? null,
    homeDc: a.homeDc,
    hasPassword: Boolean(a.password),
    hint: a.password?.hint ?? null,
    frozen: a.freeze
      ? {
          since: new Date(a.freeze.since).toISOString(),
          until: new Date(a.freeze.until).toISOString(),
          appealUrl: a.freeze.appealUrl,
        }
      : null,
    banned: Boolean(a.banned),
    restrictions: a.restrictions ?? [],
  };
}

export function authorizationView(a: AuthorizationRecord, phone: string | undefined): AuthorizationView {
  return {
    id: a.hash,
    phone: phone ?? null,
    dcId: a.dcId,
    device: {
      model: a.client.deviceModel,
      system: a.client.systemVersion,
      appVersion: a.client.appVersion,
      apiId: a.client.apiId,
      langCode: a.client.langCode,
    },
    ip: a.client.ip,
    createdAt: new Date(a.createdAt).toISOString(),
    lastActiveAt: new Date(a.activeAt).toISOString(),
    state: a.state,
  };
}

/** A minted authorization: what a GramJS StringSession needs (the auth key is the sandbox's own test secret). */
export interface MintedAuthorization {
  id: string;
  phone: string;
  userId: string;
  firstName: string;
  dcId: number;
  /** The DC's advertised address, as a session stores it, and its real port. */
  address: string;
  port: number;
  authKey: string;
  authKeyId: string;
  /** The key's server salt (8 bytes, hex, as on the wire): what the client would have learned while logging in. */
  serverSalt: string;
}

export function mintedView(key: AuthKeyRecord, account: AccountRecord, dc: DcEndpoint): MintedAuthorization {
  return {
    id: key.authorizationHash!,
    phone: account.phone,
    userId: account.userId,
    firstName: account.firstName,
    dcId: dc.id,
    address: dc.address,
    port: dc.port,
    authKey: key.key,
    authKeyId: key.id,
    serverSalt: key.salt,
  };
}
