import type { Api } from "telegram";
import { z } from "zod";
import { isoDate } from "./common";
import type { Ownership } from "@/lib/reconcile/reconcile";

/** One device or app logged in to the account, as account.getAuthorizations reports it, and whose it is. */
export type AuthorizationItem = Ownership & {
  /** Telegram's id of the authorization (not a credential): what DELETE .../authorizations/{hash} takes. */
  hash: string;
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

function authorizationItem(a: Api.Authorization, owner: (a: Api.Authorization) => Ownership): AuthorizationItem {
  return {
    ...owner(a),
    hash: a.hash.toString(),
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
export function authorizationsBody(
  result: Api.account.Authorizations,
  owner: (a: Api.Authorization) => Ownership,
  now: Date,
): AuthorizationsBody {
  const items = result.authorizations.map((a) => authorizationItem(a, owner));
  items.sort((a, b) => Number(b.current) - Number(a.current) || b.lastActiveAt.localeCompare(a.lastActiveAt));
  return { items, ttlDays: result.authorizationTtlDays, fetchedAt: now.toISOString() };
}

/** Answer to setting the account's inactivity TTL: the days Telegram now keeps an idle device signed in. */
export type TtlReply = { ttlDays: number };

export const authorizationsBodySchema = z.object({
  items: z.array(
    z
      .object({
        foreign: z.boolean(),
        consoleSessionId: z.uuid().nullable(),
        leaseId: z.uuid().nullable().meta({ description: "The lease this authorization was minted for, if any." }),
        hash: z.string(),
        current: z.boolean(),
        official: z.boolean(),
        passwordPending: z.boolean(),
        unconfirmed: z.boolean(),
        device: z.string(),
        platform: z.string(),
        system: z.string(),
        app: z.string(),
        ip: z.string(),
        location: z.string(),
        createdAt: isoDate,
        lastActiveAt: isoDate,
      })
      .meta({ id: "AuthorizationItem" }),
  ),
  ttlDays: z.number().int(),
  fetchedAt: isoDate,
});

export const ttlReply = z.object({ ttlDays: z.number().int() });
export const terminatedReply = z.object({ terminated: z.string() });
export const terminatedOthersReply = z.object({ consoleSessionsEnded: z.number().int() });
