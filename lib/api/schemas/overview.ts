import { attentionStatuses, type SessionCounts } from "@/db/queries/overview";
import type { SessionItem } from "@/lib/api/schemas/sessions";

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
