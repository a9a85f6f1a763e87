"use client";

import { Table, Td, Th } from "@/components/ui/table";
import type { SessionEventItem } from "@/lib/api/schemas/session-events";
import { formatPrecise } from "@/components/format";

const field = (event: SessionEventItem, key: string) => {
  const value = event.detail?.[key];
  return typeof value === "string" || typeof value === "number" ? String(value) : "—";
};

/** Telegram's FLOOD_WAITs for this session: when, on which method, how long. */
export function RateLimitHistory({ events }: { events: SessionEventItem[] }) {
  if (events.length === 0)
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">Telegram has not rate-limited this session.</p>;
  return (
    <Table caption="Flood waits, newest first">
      <thead>
        <tr>
          <Th>When</Th>
          <Th>Method</Th>
          <Th className="text-right">Wait</Th>
          <Th>Until</Th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => {
          const until = event.detail?.until;
          return (
            <tr key={event.id}>
              <Td className="whitespace-nowrap">{formatPrecise(event.at)}</Td>
              <Td>
                <code className="text-xs">{field(event, "method")}</code>
              </Td>
              <Td className="text-right tabular-nums">{field(event, "seconds")} s</Td>
              <Td className="whitespace-nowrap">{typeof until === "string" ? formatPrecise(until) : "—"}</Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
