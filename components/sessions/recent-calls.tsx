"use client";

import { useQuery } from "@tanstack/react-query";
import { formatPrecise } from "@/components/format";
import { QueryStatus } from "@/components/ui/load-status";
import { Table, Td, Th } from "@/components/ui/table";
import { Untrusted } from "@/components/ui/untrusted";
import { apiFetch } from "@/lib/api/client-fetch";
import type { SessionCallItem } from "@/lib/api/schemas/invoke";
import { liveQuery } from "./live-query";

/** The latest calls services made on this session through the console's invoke API. */
export function RecentCalls({ sessionId }: { sessionId: string }) {
  const calls = useQuery({
    queryKey: ["sessions", "calls", sessionId],
    queryFn: () =>
      apiFetch<{ items: SessionCallItem[] }>(`/api/v1/sessions/${encodeURIComponent(sessionId)}/calls?limit=20`),
    ...liveQuery,
  });
  if (!calls.data) return <QueryStatus pending={calls.isPending} error={calls.error} />;
  if (calls.data.items.length === 0)
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">No service has called Telegram through this session.</p>
    );
  return (
    <Table caption="Calls through the console, newest first">
      <thead>
        <tr>
          <Th>When</Th>
          <Th>Method</Th>
          <Th>Outcome</Th>
          <Th className="text-right">Time</Th>
          <Th>Caller</Th>
        </tr>
      </thead>
      <tbody>
        {calls.data.items.map((call) => (
          <tr key={call.id}>
            <Td className="whitespace-nowrap">{formatPrecise(call.at)}</Td>
            <Td>
              <code className="text-xs">{call.method}</code>
            </Td>
            <Td>{call.telegramError ? `${call.outcome} (${call.telegramError})` : call.outcome}</Td>
            <Td className="text-right tabular-nums">{call.latencyMs} ms</Td>
            <Td>
              <Untrusted text={call.caller} />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
