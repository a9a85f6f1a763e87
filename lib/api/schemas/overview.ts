import { attentionStatuses, type SessionCounts } from "@/db/queries/overview";
import { z } from "zod";
import { sessionStatusEnum, type SessionStatus } from "@/db/schema";
import { sessionItem, type SessionItem } from "@/lib/api/schemas/sessions";
import { isoDate } from "./common";

export type AttentionReason = (typeof attentionStatuses)[number] | "flood_wait" | "expiring" | "decrypt_failed";
export type AttentionItem = SessionItem & { reasons: AttentionReason[] };
export type OverviewBody = {
  /** With `leasesOverdue`: leases past their expiry whose authorization is not logged out yet (should be 0). */
  counts: SessionCounts & { leasesOverdue: number };
  attention: AttentionItem[];
  expiringWithinDays: number;
  generatedAt: string;
};

export const expiringWithinDays = 7;

/** Why a session is on the attention list; the same rules as the query that picked it. */
export function attentionReasons(item: SessionItem, now: Date): AttentionReason[] {
  const reasons: AttentionReason[] = [];
  const status = attentionStatuses.find((s) => s === item.status);
  if (status) reasons.push(status);
  if (item.decryptFailed) reasons.push("decrypt_failed");
  if (item.floodWaitUntil && new Date(item.floodWaitUntil) > now) reasons.push("flood_wait");
  const horizon = now.getTime() + expiringWithinDays * 86_400_000;
  if (item.expiresAt && ["active", "degraded"].includes(item.status) && new Date(item.expiresAt).getTime() < horizon)
    reasons.push("expiring");
  return reasons;
}

const count = z.number().int();

export const overviewBody = z.object({
  counts: z.object({
    ...(Object.fromEntries(sessionStatusEnum.enumValues.map((status) => [status, count])) as Record<
      SessionStatus,
      typeof count
    >),
    total: count,
    floodWaiting: count,
    expiringSoon: count,
    decryptFailed: count,
    needsAttention: count,
    leasesOverdue: count.meta({ description: "Leases past their expiry not yet logged out (should be 0)." }),
  }),
  attention: z.array(
    sessionItem.extend({
      reasons: z.array(z.enum([...attentionStatuses, "flood_wait", "expiring", "decrypt_failed"])),
    }),
  ),
  expiringWithinDays: z.number().int(),
  generatedAt: isoDate,
});
