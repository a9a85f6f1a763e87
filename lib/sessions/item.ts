import type { SessionStatus, TelegramAccount, TelegramSession } from "@/db/schema";

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
};

/** The session columns an item needs; read them with `columns: sessionItemColumns` to skip the ciphertext. */
export const sessionItemColumns = {
  id: true,
  status: true,
  createdAt: true,
  lastUsedAt: true,
  lastCheckAt: true,
  nextCheckAt: true,
  authFailures: true,
  rateLimitHits: true,
  floodWaitUntil: true,
  expiresAt: true,
  lastLatencyMs: true,
  lastError: true,
  rotatedFromId: true,
  decryptFailed: true,
} as const;

export const accountItemColumns = {
  id: true,
  firstName: true,
  lastName: true,
  username: true,
  phoneMasked: true,
  dcId: true,
} as const;

export type SessionItemRow = Pick<TelegramSession, keyof typeof sessionItemColumns> & {
  account: Pick<TelegramAccount, keyof typeof accountItemColumns>;
};

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

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
    lastUsedAt: iso(row.lastUsedAt),
    lastCheckAt: iso(row.lastCheckAt),
    nextCheckAt: row.nextCheckAt.toISOString(),
    authFailures: row.authFailures,
    rateLimitHits: row.rateLimitHits,
    floodWaitUntil: iso(row.floodWaitUntil),
    expiresAt: iso(row.expiresAt),
    lastLatencyMs: row.lastLatencyMs,
    lastError: row.lastError,
    rotatedFromId: row.rotatedFromId,
    decryptFailed: row.decryptFailed,
  };
}
