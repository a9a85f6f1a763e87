"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { QueryStatus } from "@/components/ui/load-status";
import { AuditFiltersForm } from "./audit-filters";
import { AuditTable } from "./audit-table";
import { useAuditLog, type AuditFilters } from "./use-audit";

export function AuditLog() {
  const [filters, setFilters] = useState<AuditFilters>({ actor: "", action: "" });
  const log = useAuditLog(filters);
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(filters.actor || filters.action);

  return (
    <div className="space-y-6">
      <AuditFiltersForm value={filters} onChange={setFilters} />
      <section aria-label="Entries" aria-busy={log.isFetching}>
        <QueryStatus
          pending={log.isPending}
          error={log.error}
          loading="Loading the audit log…"
          failed="The audit log could not be loaded"
        />
        {log.isSuccess && entries.length === 0 ? (
          <EmptyState title={filtered ? "No entries match" : "Nothing recorded yet"}>
            {filtered
              ? "Check the spelling, or clear the filters: both must match exactly."
              : "Changes to the team, tokens and sessions will appear here."}
          </EmptyState>
        ) : null}
        {entries.length ? <AuditTable entries={entries} /> : null}
        {log.hasNextPage ? (
          <div className="mt-4 flex justify-center">
            <Button variant="secondary" onClick={() => log.fetchNextPage()} pending={log.isFetchingNextPage}>
              {log.isFetchingNextPage ? "Loading…" : "Load older entries"}
            </Button>
          </div>
        ) : null}
      </section>
    </div>
  );
}
