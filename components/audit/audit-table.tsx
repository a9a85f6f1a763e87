"use client";

import { formatDateTime, untrustedText } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { AuditItem } from "@/lib/api/schemas/audit";
import { Untrusted } from "@/components/ui/untrusted";

export function AuditTable({ entries }: { entries: AuditItem[] }) {
  return (
    <Table caption="Audit log entries, newest first">
      <thead>
        <tr>
          <Th>When</Th>
          <Th>Actor</Th>
          <Th>Action</Th>
          <Th>Target</Th>
          <Th>Outcome</Th>
          <Th>From</Th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id}>
            <Td className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">{formatDateTime(entry.at)}</Td>
            <Td className="max-w-56 truncate" title={untrustedText(entry.actorLabel)}>
              <Untrusted text={entry.actorLabel} />
            </Td>
            <Td>
              <code className="font-mono text-xs">{entry.action}</code>
              {entry.detail ? <Detail detail={entry.detail} /> : null}
            </Td>
            <Td className="max-w-56 truncate" title={entry.target ? untrustedText(entry.target) : undefined}>
              <Untrusted text={entry.target} fallback="—" />
            </Td>
            <Td>
              <Badge tone={entry.outcome === "success" ? "success" : "danger"}>{entry.outcome}</Badge>
            </Td>
            <Td
              className="whitespace-nowrap text-xs text-zinc-600 dark:text-zinc-400"
              title={entry.userAgent ? untrustedText(entry.userAgent) : undefined}
            >
              <Untrusted text={entry.ip} fallback="—" />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function Detail({ detail }: { detail: Record<string, unknown> }) {
  const text = Object.entries(detail)
    .map(([key, value]) => `${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(", ");
  return (
    <span className="block text-xs text-zinc-500 dark:text-zinc-400">
      <Untrusted text={text} />
    </span>
  );
}
