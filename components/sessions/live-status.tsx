"use client";

import { formatRelative } from "@/components/format";
import { useNow } from "./use-now";

type LiveQuery = { dataUpdatedAt: number; isError: boolean; isFetching: boolean; data?: unknown; error: Error | null };

/** "Updated 3 s ago", or why live updates stopped while older data stays on screen. */
export function LiveStatus({ query }: { query: LiveQuery }) {
  const now = useNow(1000);
  if (!query.data) return null;
  if (query.isError) {
    return (
      <p className="text-xs text-amber-700 dark:text-amber-400">
        Live updates failed ({query.error?.message}); showing data from{" "}
        {formatRelative(new Date(query.dataUpdatedAt).toISOString(), now)}. Retrying…
      </p>
    );
  }
  return (
    <p className="text-xs text-zinc-500 dark:text-zinc-400">
      <span
        aria-hidden="true"
        className={`mr-1.5 inline-block size-2 rounded-full ${query.isFetching ? "bg-sky-500" : "bg-emerald-500"}`}
      />
      Live · updated {formatRelative(new Date(Math.min(query.dataUpdatedAt, now)).toISOString(), now)}
    </p>
  );
}
