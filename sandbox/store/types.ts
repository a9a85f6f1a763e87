/** Device data a client declares in initConnection, kept per auth key. */
export interface ClientInfo {
  apiId: number;
  deviceModel: string;
  systemVersion: string;
  appVersion: string;
  systemLangCode: string;
  langCode: string;
  ip: string;
}

export interface PasswordRecord {
  salt1: string;
  salt2: string;
  /** v = g^x mod p, hex. The password itself is never stored. */
  verifier: string;
  hint: string;
}

export interface AccountRecord {
  phone: string;
  userId: string;
  accessHash: string;
  firstName: string;
  lastName: string;
  username?: string;
  homeDc: number;
  password?: PasswordRecord;
  authorizationTtlDays: number;
  createdAt: number;
  /** Set while Telegram's moderators keep the account frozen (help.getAppConfig's freeze_* keys). */
  freeze?: FreezeRecord;
  /** Banned: its keys get USER_DEACTIVATED_BAN, its number PHONE_NUMBER_BANNED. */
  banned?: boolean;
  /** The account's own user.restricted with these reasons. */
  restrictions?: RestrictionRecord[];
  /** The account's update state (updates.getState); absent until first asked for. */
  updates?: UpdateCounters;
}

export interface FreezeRecord {
  since: number;
  /** When the account is deleted unless an appeal succeeds. */
  until: number;
  appealUrl: string;
}

export interface RestrictionRecord {
  platform: string;
  reason: string;
  text: string;
}

export interface UpdateCounters {
  pts: number;
  qts: number;
  seq: number;
}

export interface AuthKeyRecord {
  /** Hex of the 8-byte auth_key_id as it appears on the wire. */
  id: string;
  dcId: number;
  key: string;
  salt: string;
  createdAt: number;
  client?: ClientInfo;
  userId?: string;
  authorizationHash?: string;
  passwordPendingUserId?: string;
  /** The API layer its client last named in invokeWithLayer, as served (one of the supported layers). */
  layer?: number;
  /** Set once Telegram would have destroyed the key. */
  dead?: "AUTH_KEY_DUPLICATED";
}

export type AuthorizationState = "active" | "logged_out" | "revoked";

export interface AuthorizationRecord {
  hash: string;
  userId: string;
  authKeyId: string;
  dcId: number;
  createdAt: number;
  activeAt: number;
  state: AuthorizationState;
  client: ClientInfo;
}

export interface PendingCode {
  phoneCodeHash: string;
  phone: string;
  code: string;
  authKeyId: string;
  expiresAt: number;
  attempts: number;
  verified: boolean;
}

export interface LoginTokenRecord {
  token: string;
  authKeyId: string;
  dcId: number;
  expiresAt: number;
  acceptedByUserId?: string;
  used: boolean;
}

export interface SandboxState {
  nextUserId: number;
  accounts: Record<string, AccountRecord>;
  authKeys: Record<string, AuthKeyRecord>;
  authorizations: Record<string, AuthorizationRecord>;
  codes: Record<string, PendingCode>;
  lastCodes: Record<string, { code: string; expiresAt: number }>;
  loginTokens: Record<string, LoginTokenRecord>;
}

export function emptyState(): SandboxState {
  return {
    nextUserId: 1_000_001,
    accounts: {},
    authKeys: {},
    authorizations: {},
    codes: {},
    lastCodes: {},
    loginTokens: {},
  };
}
