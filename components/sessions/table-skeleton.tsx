/** Rows of grey bars while the first page loads. */
export function TableSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <div role="status" aria-live="polite" className="space-y-2 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <span className="sr-only">Loading sessions…</span>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="h-8 animate-pulse rounded bg-zinc-200/80 dark:bg-zinc-800/80" />
      ))}
    </div>
  );
}
