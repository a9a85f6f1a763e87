"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { QueryStatus } from "@/components/ui/load-status";
import type { SessionEventItem } from "@/lib/api/schemas/session-events";
import { eventFacts, eventTitle, isStateChange } from "./event-summary";
import { formatPrecise } from "@/components/format";
import { useTimeline } from "./use-session-detail";

const kinds = [
  ["", "All events"],
  ["check", "Checks"],
  ["connection", "Connections"],
  ["flood_wait", "Flood waits"],
] as const;

/** Everything that happened to the session, newest first; state changes stand out with their evidence. */
export function EventTimeline({ sessionId }: { sessionId: string }) {
  const [kind, setKind] = useState("");
  const timeline = useTimeline(sessionId, kind);
  const events = timeline.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="space-y-3">
      <Select label="Show" value={kind} onChange={(event) => setKind(event.target.value)} className="w-48">
        {kinds.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </Select>
      <QueryStatus
        pending={timeline.isPending}
        error={timeline.data ? null : timeline.error}
        loading="Loading events…"
        failed="The events could not be loaded"
      />
      {timeline.isSuccess && events.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No events recorded yet.</p>
      ) : null}
      {events.length ? (
        <ol className="space-y-2 border-l-2 border-zinc-200 pl-4 dark:border-zinc-800">
          {events.map((event) => (
            <TimelineEntry key={event.id} event={event} />
          ))}
        </ol>
      ) : null}
      {timeline.hasNextPage ? (
        <Button variant="secondary" onClick={() => timeline.fetchNextPage()} pending={timeline.isFetchingNextPage}>
          {timeline.isFetchingNextPage ? "Loading…" : "Load older events"}
        </Button>
      ) : null}
    </div>
  );
}

function TimelineEntry({ event }: { event: SessionEventItem }) {
  const change = isStateChange(event);
  const facts = eventFacts(event);
  return (
    <li
      className={`relative rounded-md px-3 py-2 text-sm ${change ? "border border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950/40" : ""}`}
    >
      <span
        aria-hidden="true"
        className={`absolute -left-[1.4rem] top-3 size-2.5 rounded-full ${change ? "bg-amber-500" : "bg-zinc-300 dark:bg-zinc-600"}`}
      />
      <p className="flex flex-wrap items-baseline justify-between gap-x-3">
        <span className="font-medium">
          {change ? <span className="sr-only">State change: </span> : null}
          {eventTitle(event)}
        </span>
        <time dateTime={event.at} className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
          {formatPrecise(event.at)}
        </time>
      </p>
      {facts.length ? (
        <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-0.5 text-xs text-zinc-600 dark:text-zinc-400">
          {facts.map(([label, value]) => (
            <div key={label} className="flex gap-1">
              <dt>{label}:</dt>
              <dd className="font-mono">{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </li>
  );
}
