import type { Store } from "../store/store";
import type { AccountRecord, AuthKeyRecord } from "../store/types";
import { authorizationOfKey } from "./authorizations";
import type { ServerContext } from "./context";

const DAY_MS = 24 * 3600 * 1000;
export const DEFAULT_FREEZE_DAYS = 30;
export const DEFAULT_APPEAL_URL = "https://t.me/SpamBot";

/**
 * What a frozen account may still call (GramJS class names): reading its config, itself, its sessions and its
 * updates, logging in and out. Everything else answers 420 FROZEN_METHOD_INVALID, as Telegram's write methods do.
 */
const FROZEN_ALLOWED = new Set([
  "help.GetConfig",
  "help.GetNearestDc",
  "help.GetAppConfig",
  "updates.GetState",
  "updates.GetDifference",
  "users.GetUsers",
  "users.GetFullUser",
  "account.GetAuthorizations",
  "account.GetPassword",
  "auth.SendCode",
  "auth.ResendCode",
  "auth.CancelCode",
  "auth.SignIn",
  "auth.SignUp",
  "auth.CheckPassword",
  "auth.LogOut",
  "auth.ExportLoginToken",
  "auth.ImportLoginToken",
]);

export function freezeAccount(
  store: Store,
  account: AccountRecord,
  now: number,
  options: { untilDays?: number; appealUrl?: string },
): void {
  account.freeze = {
    since: now,
    until: now + (options.untilDays ?? DEFAULT_FREEZE_DAYS) * DAY_MS,
    appealUrl: options.appealUrl ?? DEFAULT_APPEAL_URL,
  };
  store.changed();
}

export function unfreezeAccount(store: Store, account: AccountRecord): void {
  delete account.freeze;
  store.changed();
}

export function banAccount(store: Store, account: AccountRecord): void {
  account.banned = true;
  store.changed();
}

export function restrictAccount(
  store: Store,
  account: AccountRecord,
  reason: { platform: string; reason: string; text: string },
): void {
  account.restrictions = [
    ...(account.restrictions ?? []).filter((r) => r.platform !== reason.platform || r.reason !== reason.reason),
    reason,
  ];
  store.changed();
}

export function liftRestrictions(store: Store, account: AccountRecord): void {
  delete account.restrictions;
  store.changed();
}

/** True when a signed-in key of a frozen account calls a method a frozen account may not. */
export function frozenRefuses(ctx: ServerContext, key: AuthKeyRecord, className: string): boolean {
  const authorization = authorizationOfKey(ctx, key);
  if (authorization?.state !== "active" || FROZEN_ALLOWED.has(className)) return false;
  return Boolean(ctx.store.accountByUserId(authorization.userId)?.freeze);
}

/** help.getAppConfig's keys for this account: the freeze_* keys while it is frozen. */
export function appConfigOf(account: AccountRecord | undefined): Record<string, number | string | boolean> {
  const freeze = account?.freeze;
  return freeze
    ? {
        freeze_since_date: Math.floor(freeze.since / 1000),
        freeze_until_date: Math.floor(freeze.until / 1000),
        freeze_appeal_url: freeze.appealUrl,
      }
    : {};
}
