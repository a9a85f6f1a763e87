import { z } from "zod";
import { decodeSessionCursor } from "@/db/queries/session-cursor";
import { sessionSorts } from "@/db/queries/session-sort";
import type { SessionDetailRow, SessionItemRow } from "@/db/queries/sessions";
import { sessionStatusEnum, type RestrictionReason, type SessionStatus, type TelegramAccount } from "@/db/schema";
import type { CheckResult } from "@/lib/health/check";
import { iso, isoOrNull } from "@/lib/http/json-dates";
import type { Revocation } from "@/lib/revocation/revoke";
import type { Rotated } from "@/lib/rotation/rotate";
import { commaList, isoDate, isoDateOrNull, optionalText } from "./common";

const statusList = commaList(
  z.enum(sessionStatusEnum.enumValues, `Use ${sessionStatusEnum.enumValues.join(", ")}.`),
  sessionStatusEnum.enumValues.length,
);

export const sessionListQuery = z
  .object({
    status: statusList.optional(),
    q: optionalText(100, "Search for at most 100 characters."),
    label: optionalText(64, "A label has at most 64 characters."),
    sort: z.enum(sessionSorts, `Sort by ${sessionSorts.join(", ")}.`).default("created"),
    order: z.enum(["asc", "desc"], "Order is asc or desc.").default("desc"),
    cursor: z.string().max(512).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .transform(({ cursor: text, ...query }, ctx) => {
    if (text === undefined) return { ...query, cursor: undefined };
    const cursor = decodeSessionCursor(text);
    if (!cursor || cursor.sort !== query.sort || cursor.order !== query.order) {
      ctx.addIssue({
        code: "custom",
        path: ["cursor"],
        message: "This cursor is not from this list; start again without it.",
      });
      return z.NEVER;
    }
    return { ...query, cursor };
  });

export type SessionPageBody = { items: SessionItem[]; nextCursor: string | null };

export type SessionDetail = SessionItem & {
  dcId: number;
  revokedAt: string | null;
  revokedReason: string | null;
  rotatedToId: string | null;
  account: SessionItem["account"] & { telegramUserId: string; createdAt: string };
  /** While Telegram keeps the account frozen: since when, the deletion deadline and the appeal link. */
  freeze: { since: string; until: string | null; appealUrl: string | null } | null;
};

export function toSessionDetail(row: SessionDetailRow): SessionDetail {
  const item = toSessionItem(row);
  return {
    ...item,
    dcId: row.dcId,
    revokedAt: isoOrNull(row.revokedAt),
    revokedReason: row.revokedReason,
    rotatedToId: row.rotatedToId,
    freeze: row.frozenSince
      ? { since: row.frozenSince.toISOString(), until: isoOrNull(row.frozenUntil), appealUrl: row.freezeAppealUrl }
      : null,
    account: {
      ...item.account,
      telegramUserId: row.account.telegramUserId.toString(),
      createdAt: row.account.createdAt.toISOString(),
    },
  };
}

/** A session as the API and pages show it: never the session string, a key or a phone number. */
export type SessionItem = {
  id: string;
  status: SessionStatus;
  account: { id: string; displayName: string; username: string | null; phoneMasked: string; dcId: number };
  createdAt: string;
  lastUsedAt: string | null;
  lastCheckAt: string | null;
  nextCheckAt: string;
  authFailures: number;
  rateLimitHits: number;
  floodWaitUntil: string | null;
  expiresAt: string | null;
  lastLatencyMs: number | null;
  lastError: string | null;
  rotatedFromId: string | null;
  decryptFailed: boolean;
  labels: string[];
  /** Imported without take-over: the key may still be in use where it came from. */
  sharedKey: boolean;
  /** The account's own restriction reasons (user.restricted), as its last check read them; not a status. */
  restricted: { reasons: RestrictionReason[] } | null;
};

export function displayName(account: Pick<TelegramAccount, "firstName" | "lastName">): string {
  return [account.firstName, account.lastName].filter(Boolean).join(" ");
}

export function toSessionItem(row: SessionItemRow): SessionItem {
  const { account } = row;
  return {
    id: row.id,
    status: row.status,
    account: {
      id: account.id,
      displayName: displayName(account),
      username: account.username,
      phoneMasked: account.phoneMasked,
      dcId: account.dcId,
    },
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: isoOrNull(row.lastUsedAt),
    lastCheckAt: isoOrNull(row.lastCheckAt),
    nextCheckAt: row.nextCheckAt.toISOString(),
    authFailures: row.authFailures,
    rateLimitHits: row.rateLimitHits,
    floodWaitUntil: isoOrNull(row.floodWaitUntil),
    expiresAt: isoOrNull(row.expiresAt),
    lastLatencyMs: row.lastLatencyMs,
    lastError: row.lastError,
    rotatedFromId: row.rotatedFromId,
    decryptFailed: row.decryptFailed,
    labels: row.labels,
    sharedKey: row.sharedKey,
    restricted: row.restrictions?.length ? { reasons: row.restrictions } : null,
  };
}

/** Answer to "check now": the session's item after the check, and what the check found. */
export type CheckReply = SessionItem & { check: Omit<CheckResult, "sessionId" | "status"> };

/** Answer to rotate: the session that replaces this one; the old key is logged out, or that is still owed. */
export type RotateReply = { id: string; status: "rotated" } & Rotated;

export const toRotateReply = (id: string, rotated: Rotated): RotateReply => ({ id, status: "rotated", ...rotated });

/** Answer to revoke: `revoke_pending` when Telegram could not be reached, with when the logout is tried next. */
export type RevokeReply = {
  id: string;
  status: Revocation["status"];
  nextAttemptAt: string | null;
  lastError: string | null;
};

export function toRevokeReply(id: string, revocation: Revocation): RevokeReply {
  return revocation.status === "revoked"
    ? { id, status: "revoked", nextAttemptAt: null, lastError: null }
    : { id, status: "revoke_pending", nextAttemptAt: iso(revocation.nextAttemptAt), lastError: revocation.lastError };
}

/** Answer to forget: the key of an invalid session is destroyed without calling Telegram. */
export type ForgetReply = { id: string; status: "revoked" };

const sessionStatus = z.enum(sessionStatusEnum.enumValues);

export const sessionItem = z
  .object({
    id: z.uuid(),
    status: sessionStatus,
    account: z.object({
      id: z.uuid(),
      displayName: z.string(),
      username: z.string().nullable(),
      phoneMasked: z.string(),
      dcId: z.number().int(),
    }),
    createdAt: isoDate,
    lastUsedAt: isoDateOrNull,
    lastCheckAt: isoDateOrNull,
    nextCheckAt: isoDate,
    authFailures: z.number().int(),
    rateLimitHits: z.number().int(),
    floodWaitUntil: isoDateOrNull,
    expiresAt: isoDateOrNull,
    lastLatencyMs: z.number().nullable(),
    lastError: z.string().nullable(),
    rotatedFromId: z.uuid().nullable(),
    decryptFailed: z.boolean(),
    labels: z.array(z.string()),
    sharedKey: z.boolean(),
    restricted: z
      .object({ reasons: z.array(z.object({ platform: z.string(), reason: z.string(), text: z.string() })) })
      .nullable(),
  })
  .meta({ id: "SessionItem", description: "A session: never the session string, a key or a phone number." });

export const sessionPage = z.object({ items: z.array(sessionItem), nextCursor: z.string().nullable() });

export const sessionDetail = sessionItem
  .extend({
    dcId: z.number().int(),
    revokedAt: isoDateOrNull,
    revokedReason: z.string().nullable(),
    rotatedToId: z.uuid().nullable(),
    account: sessionItem.shape.account.extend({ telegramUserId: z.string(), createdAt: isoDate }),
    freeze: z.object({ since: isoDate, until: isoDateOrNull, appealUrl: z.string().nullable() }).nullable(),
  })
  .meta({ id: "SessionDetail" });

export const checkReply = sessionItem.extend({
  check: z.object({
    result: z.enum(["ok", "frozen", "degraded", "invalid", "flood_wait", "busy", "error", "skipped"]),
    errorCode: z.string().nullable(),
    connectMs: z.number().nullable(),
    requestMs: z.number().nullable(),
    checkedAt: isoDate,
  }),
});

export const rotateReply = z.object({
  id: z.uuid(),
  status: z.literal("rotated"),
  newSessionId: z.uuid(),
  oldSessionStatus: z.enum(["revoked", "revoke_pending"]),
});

export const revokeReply = z.object({
  id: z.uuid(),
  status: z.enum(["revoked", "revoke_pending"]),
  nextAttemptAt: isoDateOrNull,
  lastError: z.string().nullable(),
});

export const forgetReply = z.object({ id: z.uuid(), status: z.literal("revoked") });
