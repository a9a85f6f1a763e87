import {
  banAccount,
  freezeAccount,
  liftRestrictions,
  restrictAccount,
  unfreezeAccount,
} from "../server/account-states";
import { endAuthorization, mintAuthorizedKey } from "../server/authorizations";
import { normalisePhone, testNumberDc, upsertAccount, type AccountInput } from "../server/accounts";
import type { ServerContext } from "../server/context";
import type { RpcFault, TransportFault, TransportFaultKind } from "../server/faults";
import { acceptLoginToken } from "../server/login-tokens";
import type { LogEntry } from "../server/request-log";
import type { AccountRecord, ClientInfo } from "../store/types";
import {
  accountView,
  authorizationView,
  mintedView,
  type AccountView,
  type AuthorizationView,
  type MintedAuthorization,
} from "./views";

export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const MAX_MINTED_PER_CALL = 1000;

/** What a minted authorization's initConnection would have declared; a client's own replaces it on first use. */
const MINTED_CLIENT: ClientInfo = {
  apiId: 0,
  deviceModel: "sandbox minted session",
  systemVersion: "sandbox",
  appVersion: "1.0",
  systemLangCode: "en",
  langCode: "en",
  ip: "127.0.0.1",
};

const TRANSPORT_KINDS: TransportFaultKind[] = ["drop", "delay", "stall", "404"];

/** QR tokens arrive as in the tg://login?token= URL (base64url) or as hex. */
function tokenHex(token: string): string {
  return /^[0-9a-f]{64}$/i.test(token) ? token.toLowerCase() : Buffer.from(token, "base64url").toString("hex");
}

/** The control operations, shared by the in-process object and the HTTP control API. */
export class SandboxControl {
  constructor(private readonly ctx: ServerContext) {}

  private get defaultDc(): number {
    return this.ctx.dcs[1]?.id ?? this.ctx.dcs[0]!.id;
  }

  createAccount(input: AccountInput): AccountView {
    if (!/^\d{5,15}$/.test(normalisePhone(input.phone ?? ""))) throw new ControlError(400, "phone must be 5-15 digits");
    if (input.homeDc !== undefined && !this.ctx.dcs.some((dc) => dc.id === input.homeDc)) {
      throw new ControlError(400, `homeDc must be one of ${this.ctx.dcs.map((dc) => dc.id).join(", ")}`);
    }
    return accountView(upsertAccount(this.ctx.store, input, this.defaultDc));
  }

  getAccount(phone: string): AccountView | undefined {
    const account = this.ctx.store.account(normalisePhone(phone));
    return account && accountView(account);
  }

  private existingAccount(phone: string): AccountRecord {
    const account = this.ctx.store.account(normalisePhone(phone));
    if (!account) throw new ControlError(404, "no such account");
    return account;
  }

  /** Telegram's moderators freeze the account: its write methods answer FROZEN_METHOD_INVALID. */
  freeze(phone: string, options: { untilDays?: number; appealUrl?: string } = {}): AccountView {
    const account = this.existingAccount(phone);
    freezeAccount(this.ctx.store, account, Date.now(), options);
    return accountView(account);
  }

  unfreeze(phone: string): AccountView {
    const account = this.existingAccount(phone);
    unfreezeAccount(this.ctx.store, account);
    return accountView(account);
  }

  /** Bans the account: its sessions get USER_DEACTIVATED_BAN, its number PHONE_NUMBER_BANNED. */
  ban(phone: string): AccountView {
    const account = this.existingAccount(phone);
    banAccount(this.ctx.store, account);
    return accountView(account);
  }

  /** Adds a restriction reason to the account's own user object (user.restricted). */
  restrict(phone: string, input: { reason: string; text?: string; platform?: string }): AccountView {
    const account = this.existingAccount(phone);
    restrictAccount(this.ctx.store, account, {
      platform: input.platform ?? "all",
      reason: input.reason,
      text: input.text ?? `This account is restricted (${input.reason}).`,
    });
    return accountView(account);
  }

  unrestrict(phone: string): AccountView {
    const account = this.existingAccount(phone);
    liftRestrictions(this.ctx.store, account);
    return accountView(account);
  }

  lastCode(phone: string): { code: string; expiresAt: string } | undefined {
    const last = this.ctx.store.state.lastCodes[normalisePhone(phone)];
    return last && { code: last.code, expiresAt: new Date(last.expiresAt).toISOString() };
  }

  addFault(fault: Partial<RpcFault>): void {
    if (!fault.error || !/^[A-Z0-9_]+$/.test(fault.error))
      throw new ControlError(400, "error must be like FLOOD_WAIT_30");
    if (!Number.isInteger(fault.code)) throw new ControlError(400, "code must be an integer (e.g. 420)");
    this.ctx.faults.addRpc({ ...fault, error: fault.error, code: fault.code!, times: fault.times ?? 1 });
  }

  addTransportFault(fault: Partial<TransportFault>): void {
    if (!fault.kind || !TRANSPORT_KINDS.includes(fault.kind))
      throw new ControlError(400, `kind must be one of ${TRANSPORT_KINDS.join(", ")}`);
    this.ctx.faults.addTransport({ ...fault, kind: fault.kind, ms: fault.ms ?? 1000, times: fault.times ?? 1 });
  }

  clearFaults(): void {
    this.ctx.faults.clear();
  }

  authorizations(phone?: string): AuthorizationView[] {
    const { store } = this.ctx;
    const account = phone === undefined ? undefined : store.account(normalisePhone(phone));
    if (phone !== undefined && !account) throw new ControlError(404, "no such account");
    return Object.values(store.state.authorizations)
      .filter((a) => !account || a.userId === account.userId)
      .map((a) => authorizationView(a, store.accountByUserId(a.userId)?.phone));
  }

  /** Terminates a session as its owner would from another device: the client then gets SESSION_REVOKED. */
  revokeAuthorization(id: string): AuthorizationView {
    const authorization = this.ctx.store.authorization(id);
    if (!authorization) throw new ControlError(404, "no such authorization");
    endAuthorization(this.ctx, authorization, "revoked");
    return authorizationView(authorization, this.ctx.store.accountByUserId(authorization.userId)?.phone);
  }

  /** An existing account, or a test number's, created on first use as a login would. */
  private accountForLogin(phone: string): AccountRecord {
    const number = normalisePhone(phone);
    const known = this.ctx.store.account(number);
    const account =
      known ??
      (testNumberDc(number) === undefined
        ? undefined
        : upsertAccount(this.ctx.store, { phone: number }, this.defaultDc));
    if (!account) throw new ControlError(404, "no such account");
    return account;
  }

  /**
   * Test fixture (Telegram has no equivalent): `count` finished logins of the account without the key exchange
   * and code — fresh auth keys on its home DC, each authorized. Returns the keys in clear, to build sessions from.
   */
  mintAuthorizations(phone: string, count = 1): MintedAuthorization[] {
    if (!Number.isInteger(count) || count < 1 || count > MAX_MINTED_PER_CALL) {
      throw new ControlError(400, `count must be an integer from 1 to ${MAX_MINTED_PER_CALL}`);
    }
    const account = this.accountForLogin(phone);
    const dc = this.ctx.dcs.find((d) => d.id === account.homeDc);
    if (!dc) throw new ControlError(400, `the account's home DC ${account.homeDc} is not served by this sandbox`);
    const now = Date.now();
    return Array.from({ length: count }, () =>
      mintedView(mintAuthorizedKey(this.ctx, account, MINTED_CLIENT, now), account, dc),
    );
  }

  /** The owner's phone scans a QR login token. */
  acceptLoginToken(phone: string, token: string): void {
    const account = this.accountForLogin(phone);
    try {
      acceptLoginToken(this.ctx, tokenHex(token), account, Date.now());
    } catch (error) {
      throw new ControlError(400, (error as Error).message);
    }
  }

  log(phone?: string): LogEntry[] {
    return this.ctx.log.list(phone && normalisePhone(phone));
  }

  /** Forgets every account, key, code and fault (the RSA key and ports stay). */
  reset(): void {
    this.ctx.store.reset();
    this.ctx.faults.clear();
    this.ctx.log.clear();
    this.ctx.rateLimiter.clear();
  }
}
