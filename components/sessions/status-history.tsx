"use client";

import { useRef, useState, type KeyboardEvent } from "react";
import { formatDateTime, formatLatency } from "@/components/format";
import { resultColours, resultLabels, type CheckPoint } from "./check-results";

const describe = (point: CheckPoint) =>
  `${formatDateTime(point.at)}: ${resultLabels[point.result]}${point.errorCode ? ` (${point.errorCode})` : ""}, ${formatLatency(point.latencyMs)}`;

function summary(points: CheckPoint[]): string {
  const counts = new Map<string, number>();
  for (const point of points) counts.set(resultLabels[point.result], (counts.get(resultLabels[point.result]) ?? 0) + 1);
  return `Last ${points.length} checks: ${[...counts].map(([label, n]) => `${n} ${label}`).join(", ")}`;
}

/**
 * The last checks as coloured cells, oldest on the left (as Uptime Kuma draws it). One tab stop:
 * arrow keys, Home and End move between checks, and the line below describes the one in focus or under the pointer.
 */
export function StatusHistory({ points, slots }: { points: CheckPoint[]; slots: number }) {
  // Kept by id, so the check in focus stays put when a new one arrives; the newest until one is chosen.
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const cells = useRef<(HTMLButtonElement | null)[]>([]);
  if (points.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No checks yet.</p>;
  const found = points.findIndex((point) => point.id === selectedId);
  const current = found === -1 ? points.length - 1 : found;
  const select = (index: number) => setSelectedId(points[index]?.id ?? null);
  const move = (event: KeyboardEvent) => {
    const next = { ArrowLeft: current - 1, ArrowRight: current + 1, Home: 0, End: points.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const index = Math.min(Math.max(next, 0), points.length - 1);
    select(index);
    cells.current[index]?.focus();
  };
  return (
    <div className="space-y-2">
      <div role="group" aria-label={summary(points)} onKeyDown={move} className="flex h-9 items-stretch gap-0.5">
        {Array.from({ length: Math.max(0, slots - points.length) }, (_, i) => (
          <span
            key={`empty-${i}`}
            aria-hidden="true"
            className="max-w-3 flex-1 rounded-sm bg-zinc-200 dark:bg-zinc-800"
          />
        ))}
        {points.map((point, index) => (
          <button
            key={point.id}
            ref={(element) => {
              cells.current[index] = element;
            }}
            type="button"
            tabIndex={index === current ? 0 : -1}
            title={describe(point)}
            aria-label={describe(point)}
            onFocus={() => select(index)}
            onMouseEnter={() => select(index)}
            className={`max-w-3 flex-1 rounded-sm ${resultColours[point.result]} hover:opacity-80 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 ${index === current ? "ring-2 ring-zinc-900/30 dark:ring-white/40" : ""}`}
          />
        ))}
      </div>
      <p className="text-xs text-zinc-600 tabular-nums dark:text-zinc-400">{describe(points[current]!)}</p>
    </div>
  );
}
