import { z } from "zod";
import {
  leaseFormats,
  leaseStatusEnum,
  type KeyLease,
  type LeaseFormat,
  type LeaseStatus,
} from "@/db/schema/key-leases";
import { iso, isoOrNull } from "@/lib/http/json-dates";
import { isoDate, isoDateOrNull } from "./common";

/** The longest lease anyone may take; a `use` token is held to its own maxLeaseTtlSeconds (default one hour). */
export const maxLeaseTtlSeconds = 86_400;

const ttlSeconds = z
  .number("Give the lease's lifetime in seconds.")
  .int("Give the lease's lifetime in whole seconds.")
  .min(60, "A lease lasts at least 60 seconds.")
  .max(maxLeaseTtlSeconds, "A lease lasts at most a day.");

export const createLeaseBody = z
  .object({
    ttlSeconds,
    format: z.enum(leaseFormats, "Choose gramjs, telethon or pyrogram."),
  })
  .strict();

export const renewLeaseBody = z.object({ ttlSeconds }).strict();

export const leasesQuery = z.object({
  sessionId: z.uuid("Not a valid session id.").optional(),
  open: z.enum(["true", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The one answer that carries a lease's session string. */
export type LeaseCreated = { id: string; session: string; format: LeaseFormat; expiresAt: string };

export type LeaseItem = {
  id: string;
  sessionId: string;
  format: LeaseFormat;
  status: LeaseStatus;
  takenBy: string;
  tokenId: string | null;
  tokenName: string | null;
  createdAt: string;
  expiresAt: string;
  endReason: string | null;
  endedAt: string | null;
  endedBy: string | null;
  loggedOutAt: string | null;
  attempts: number;
  lastError: string | null;
};

/** A lease as lists show it: who took it, when, until when, and where its logout stands. Never its key. */
export const toLeaseItem = (row: KeyLease): LeaseItem => ({
  id: row.id,
  sessionId: row.sessionId,
  format: row.format,
  status: row.status,
  takenBy: row.actorLabel,
  tokenId: row.tokenId,
  tokenName: row.tokenName,
  createdAt: iso(row.createdAt),
  expiresAt: iso(row.expiresAt),
  endReason: row.endReason,
  endedAt: isoOrNull(row.endedAt),
  endedBy: row.endedBy,
  loggedOutAt: isoOrNull(row.loggedOutAt),
  attempts: row.attempts,
  lastError: row.lastError,
});

export const leaseCreated = z.object({
  id: z.uuid(),
  session: z.string().meta({ description: "The session string in `format`, shown this once." }),
  format: z.enum(leaseFormats),
  expiresAt: isoDate,
});

export const leaseItem = z
  .object({
    id: z.uuid(),
    sessionId: z.uuid(),
    format: z.enum(leaseFormats),
    status: z.enum(leaseStatusEnum.enumValues),
    takenBy: z.string(),
    tokenId: z.uuid().nullable(),
    tokenName: z.string().nullable(),
    createdAt: isoDate,
    expiresAt: isoDate,
    endReason: z.string().nullable(),
    endedAt: isoDateOrNull,
    endedBy: z.string().nullable(),
    loggedOutAt: isoDateOrNull,
    attempts: z.number().int(),
    lastError: z.string().nullable(),
  })
  .meta({ id: "LeaseItem", description: "A lease: who took it, when, until when, and its logout. Never its key." });

export const leaseList = z.object({ items: z.array(leaseItem) });
