"use client";

import { formatRelative } from "@/components/format";
import { useNow } from "./use-now";

type Props = { updatedAt: number; fetching: boolean; failure?: string; renderedAt?: number };

const iso = (ms: number) => new Date(ms).toISOString();

/** "Updated 3 s ago", or why live updates stopped while older data stays on screen. `renderedAt`: see useNow. */
export function LiveStatus({ updatedAt, fetching, failure, renderedAt }: Props) {
  const now = useNow(1000, renderedAt);
  if (failure !== undefined) {
    return (
      <p className="text-xs text-amber-700 dark:text-amber-400">
        Live updates failed ({failure}); showing data from {formatRelative(iso(updatedAt), now)}. Retrying…
      </p>
    );
  }
  return (
    <p className="text-xs text-zinc-500 dark:text-zinc-400">
      <span
        aria-hidden="true"
        className={`mr-1.5 inline-block size-2 rounded-full ${fetching ? "bg-sky-500" : "bg-emerald-500"}`}
      />
      Live · updated {formatRelative(iso(Math.min(updatedAt, now)), now)}
    </p>
  );
}

type LiveQuery = { dataUpdatedAt: number; isError: boolean; isFetching: boolean; data?: unknown; error: Error | null };

/** The live status of a polled query, once it has data. */
export function LiveQueryStatus({ query }: { query: LiveQuery }) {
  if (!query.data) return null;
  return (
    <LiveStatus
      updatedAt={query.dataUpdatedAt}
      fetching={query.isFetching}
      failure={query.isError ? (query.error?.message ?? "") : undefined}
    />
  );
}
