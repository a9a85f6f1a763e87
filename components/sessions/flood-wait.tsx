"use client";

import { formatCountdown, formatDateTime } from "@/components/format";
import { useNow } from "./use-now";

/** While Telegram's flood wait runs: a live countdown to its end; nothing once it is over. `renderedAt`: see useNow. */
export function FloodWait({ until, renderedAt }: { until: string | null; renderedAt?: number }) {
  const now = useNow(1000, renderedAt);
  const left = until ? new Date(until).getTime() - now : 0;
  if (left <= 0) return null;
  return (
    <span
      className="block whitespace-nowrap text-xs text-amber-700 dark:text-amber-400"
      title={`Waiting until ${formatDateTime(until)}`}
    >
      waiting{" "}
      <time dateTime={until ?? undefined} className="tabular-nums">
        {formatCountdown(left)}
      </time>
    </span>
  );
}
