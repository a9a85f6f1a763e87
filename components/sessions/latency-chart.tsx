import { formatDateTime } from "@/components/format";
import type { CheckPoint } from "./check-results";

const width = 600;
const height = 140;
const pad = { top: 10, right: 8, bottom: 20, left: 44 };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * Probe latency over the last checks as an inline SVG line (failed checks leave gaps). Screen readers get a
 * summary as the image's label, and everyone can open the same numbers as a table.
 */
export function LatencyChart({ points }: { points: CheckPoint[] }) {
  const measured = points.filter((p): p is CheckPoint & { latencyMs: number } => p.latencyMs !== null);
  if (measured.length === 0)
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">No latency measured yet.</p>;
  const max = Math.max(...measured.map((p) => p.latencyMs), 1);
  const x = (index: number) =>
    pad.left + (points.length === 1 ? 0 : (index / (points.length - 1)) * (width - pad.left - pad.right));
  const y = (ms: number) => pad.top + (1 - ms / max) * (height - pad.top - pad.bottom);
  const segments: { x: number; y: number }[][] = [[]];
  points.forEach((point, index) => {
    if (point.latencyMs === null) segments.push([]);
    else segments.at(-1)!.push({ x: x(index), y: y(point.latencyMs) });
  });
  const latest = measured.at(-1)!;
  const label = `Latency of the last ${points.length} checks: median ${median(measured.map((p) => p.latencyMs))} ms, highest ${max} ms, latest ${latest.latencyMs} ms.`;
  return (
    <figure className="space-y-2">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={label}
        className="h-40 w-full text-sky-600 dark:text-sky-400"
      >
        <g className="text-zinc-300 dark:text-zinc-700" stroke="currentColor">
          <line x1={pad.left} x2={width - pad.right} y1={y(max)} y2={y(max)} strokeDasharray="3 3" />
          <line x1={pad.left} x2={width - pad.right} y1={y(0)} y2={y(0)} />
        </g>
        <g className="fill-zinc-500 text-[10px] dark:fill-zinc-400">
          <text x={pad.left - 6} y={y(max) + 3} textAnchor="end">
            {max} ms
          </text>
          <text x={pad.left - 6} y={y(0) + 3} textAnchor="end">
            0
          </text>
          <text x={pad.left} y={height - 4}>
            {formatDateTime(points[0]!.at)}
          </text>
          <text x={width - pad.right} y={height - 4} textAnchor="end">
            {formatDateTime(points.at(-1)!.at)}
          </text>
        </g>
        {segments.map((segment, i) =>
          segment.length === 1 ? (
            <circle key={i} cx={segment[0]!.x} cy={segment[0]!.y} r="2" fill="currentColor" />
          ) : segment.length > 1 ? (
            <polyline
              key={i}
              points={segment.map((p) => `${p.x},${p.y}`).join(" ")}
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinejoin="round"
            />
          ) : null,
        )}
      </svg>
      <figcaption className="text-xs text-zinc-600 dark:text-zinc-400">{label}</figcaption>
      <details className="text-sm">
        <summary className="cursor-pointer text-sky-800 dark:text-sky-300">Show as a table</summary>
        <LatencyTable points={points} />
      </details>
    </figure>
  );
}

function LatencyTable({ points }: { points: CheckPoint[] }) {
  return (
    <table className="mt-2 w-full max-w-md text-left text-xs">
      <caption className="sr-only">Latency per check, newest first</caption>
      <thead>
        <tr>
          <th scope="col" className="py-1">
            Checked
          </th>
          <th scope="col" className="py-1 text-right">
            Latency
          </th>
        </tr>
      </thead>
      <tbody>
        {[...points].reverse().map((point) => (
          <tr key={point.id} className="border-t border-zinc-100 dark:border-zinc-800">
            <td className="py-1">{formatDateTime(point.at)}</td>
            <td className="py-1 text-right tabular-nums">
              {point.latencyMs === null ? "failed" : `${point.latencyMs} ms`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
