import { countOverdueLeases } from "@/db/queries/key-leases";
import { countSessions, listAttentionSessions } from "@/db/queries/overview";
import { apiRoute } from "@/lib/api/handler";
import { attentionReasons, expiringWithinDays, type OverviewBody, overviewBody } from "@/lib/api/schemas/overview";
import { toSessionItem } from "@/lib/api/schemas/sessions";

const attentionLimit = 50;

/**
 * Counts by state and trouble (with the leases past expiry not yet logged out), and the sessions that need
 * attention (the worst first, at most 50): three statements.
 */
export const GET = apiRoute(
  { summary: "Session counts and the sessions that need attention", response: overviewBody, role: "viewer" },
  async ({ db }): Promise<OverviewBody> => {
    const now = new Date();
    const clock = { now, expiringBefore: new Date(now.getTime() + expiringWithinDays * 86_400_000) };
    const [counts, rows, leasesOverdue] = await Promise.all([
      countSessions(db, clock),
      listAttentionSessions(db, clock, attentionLimit),
      countOverdueLeases(db),
    ]);
    const attention = rows.map(toSessionItem).map((item) => ({ ...item, reasons: attentionReasons(item, now) }));
    return { counts: { ...counts, leasesOverdue }, attention, expiringWithinDays, generatedAt: now.toISOString() };
  },
);
