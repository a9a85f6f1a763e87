import type { Api } from "telegram";

/** One device or app logged in to the account, as account.getAuthorizations reports it (its hash left out). */
export type AuthorizationItem = {
  current: boolean;
  official: boolean;
  passwordPending: boolean;
  unconfirmed: boolean;
  device: string;
  platform: string;
  system: string;
  app: string;
  ip: string;
  location: string;
  createdAt: string;
  lastActiveAt: string;
};

export type AuthorizationsBody = { items: AuthorizationItem[]; ttlDays: number; fetchedAt: string };

const fromUnix = (seconds: number) => new Date(seconds * 1000).toISOString();

function authorizationItem(a: Api.Authorization): AuthorizationItem {
  return {
    current: Boolean(a.current),
    official: Boolean(a.officialApp),
    passwordPending: Boolean(a.passwordPending),
    unconfirmed: Boolean(a.unconfirmed),
    device: a.deviceModel,
    platform: a.platform,
    system: a.systemVersion,
    app: [a.appName, a.appVersion].filter(Boolean).join(" "),
    ip: a.ip,
    location: [a.region, a.country].filter(Boolean).join(", "),
    createdAt: fromUnix(a.dateCreated),
    lastActiveAt: fromUnix(a.dateActive),
  };
}

/** The current session first, then the most recently active. */
export function authorizationsBody(result: Api.account.Authorizations, now: Date): AuthorizationsBody {
  const items = result.authorizations.map(authorizationItem);
  items.sort((a, b) => Number(b.current) - Number(a.current) || b.lastActiveAt.localeCompare(a.lastActiveAt));
  return { items, ttlDays: result.authorizationTtlDays, fetchedAt: now.toISOString() };
}
