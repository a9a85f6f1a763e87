"use client";

import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import type { AttentionItem, AttentionReason } from "@/lib/api/schemas/overview";
import { FloodWait } from "./flood-wait";
import { StatusBadge } from "./status";
import { RelativeTime } from "./time-cell";
import { useNow } from "./use-now";
import { Untrusted } from "@/components/ui/untrusted";

const reasons: Record<AttentionReason, { label: string; tone: BadgeTone }> = {
  invalid: { label: "Dead: needs a new login", tone: "danger" },
  banned: { label: "Banned by Telegram", tone: "danger" },
  deactivated: { label: "Account deleted", tone: "danger" },
  frozen: { label: "Frozen: appeal or lose it", tone: "warning" },
  decrypt_failed: { label: "Cannot be decrypted", tone: "danger" },
  degraded: { label: "Checks failing", tone: "warning" },
  flood_wait: { label: "Rate-limited", tone: "warning" },
  expiring: { label: "Expiring soon", tone: "info" },
};

export function AttentionList({ items, total }: { items: AttentionItem[]; total: number }) {
  const now = useNow(10_000);
  if (items.length === 0) {
    return (
      <EmptyState title="Nothing needs attention">
        Every session is active, decryptable, not rate-limited and far from expiry.
      </EmptyState>
    );
  }
  return (
    <div className="space-y-2">
      <Table caption="Sessions that need attention, the worst first">
        <thead>
          <tr>
            <Th>Account</Th>
            <Th>State</Th>
            <Th>Why</Th>
            <Th>Last error</Th>
            <Th>Last check</Th>
            <Th>Expires</Th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <Td>
                <Link
                  href={`/sessions/${item.id}`}
                  prefetch={false}
                  className="font-medium text-sky-800 hover:underline dark:text-sky-300"
                >
                  <Untrusted text={item.account.displayName} fallback="Unnamed account" />
                </Link>
                <span className="block text-xs text-zinc-500 dark:text-zinc-400">
                  <Untrusted text={item.account.username ? `@${item.account.username}` : item.account.phoneMasked} />
                </span>
              </Td>
              <Td>
                <StatusBadge status={item.status} />
              </Td>
              <Td>
                <ul className="flex flex-wrap gap-1">
                  {item.reasons.map((reason) => (
                    <li key={reason}>
                      <Badge tone={reasons[reason].tone}>{reasons[reason].label}</Badge>
                    </li>
                  ))}
                </ul>
                {item.reasons.includes("flood_wait") ? <FloodWait until={item.floodWaitUntil} /> : null}
              </Td>
              <Td>
                {item.lastError ? (
                  <code className="text-xs">
                    <Untrusted text={item.lastError} />
                  </code>
                ) : (
                  "—"
                )}
              </Td>
              <Td>
                <RelativeTime iso={item.lastCheckAt} now={now} />
              </Td>
              <Td>
                <RelativeTime iso={item.expiresAt} now={now} fallback="Unknown" />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {total > items.length ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Showing the {items.length} most urgent of {total}.
        </p>
      ) : null}
    </div>
  );
}
