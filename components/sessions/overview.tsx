"use client";

import { LoadFailed } from "@/components/ui/load-status";
import { PageSkeleton } from "@/components/ui/page-skeleton";
import { AttentionList } from "./attention-list";
import { LiveQueryStatus } from "./live-status";
import { StateCards } from "./state-cards";
import { useOverview } from "./use-overview";

export function Overview() {
  const overview = useOverview();
  if (overview.isPending) return <PageSkeleton />;
  if (!overview.data) {
    return (
      <LoadFailed
        title="The overview could not be loaded"
        reason={overview.error?.message}
        onRetry={() => overview.refetch()}
      />
    );
  }
  const { counts, attention, expiringWithinDays } = overview.data;
  return (
    <div className="space-y-8">
      <LiveQueryStatus query={overview} />
      <StateCards counts={counts} expiringWithinDays={expiringWithinDays} />
      <section aria-labelledby="attention-heading" className="space-y-3">
        <h2 id="attention-heading" className="text-lg font-semibold">
          Needs attention ({counts.needsAttention})
        </h2>
        <AttentionList items={attention} total={counts.needsAttention} />
      </section>
    </div>
  );
}
