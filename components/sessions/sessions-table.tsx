import Link from "next/link";
import { formatDuration, formatLatency, formatUtc } from "@/components/format";
import { Table, Td, Th } from "@/components/ui/table";
import type { SessionItem } from "@/lib/api/schemas/sessions";
import { FloodWait } from "./flood-wait";
import type { SessionListParams } from "./session-list-params";
import { SortHeader } from "./sort-header";
import { RestrictedFlag } from "./account-state";
import { StatusBadge } from "./status";
import { RelativeTime } from "./time-cell";
import { failedChecksHint } from "./status-labels";
import { Untrusted } from "@/components/ui/untrusted";

type Props = { items: SessionItem[]; params: SessionListParams; caption: string; now: number };

/** Rendered on the server, whose time zone is not the reader's: exact times say they are UTC. */
export function SessionsTable({ items, params, caption, now }: Props) {
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>Account</Th>
          <SortHeader column="status" params={params}>
            State
          </SortHeader>
          <SortHeader column="created" params={params}>
            Age
          </SortHeader>
          <SortHeader column="lastUsed" params={params}>
            Last used
          </SortHeader>
          <SortHeader column="lastCheck" params={params}>
            Last check
          </SortHeader>
          <Th className="text-right" title={failedChecksHint}>
            Failed checks
          </Th>
          <Th className="text-right">Rate limits</Th>
          <SortHeader column="latency" params={params}>
            Latency
          </SortHeader>
          <SortHeader column="expiry" params={params}>
            Expires
          </SortHeader>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/40">
            <Td className="max-w-64">
              <Link
                href={`/sessions/${item.id}`}
                prefetch={false}
                className="block truncate font-medium text-sky-800 hover:underline dark:text-sky-300"
              >
                <Untrusted text={item.account.displayName} fallback="Unnamed account" />
              </Link>
              <span className="block truncate text-xs text-zinc-500 dark:text-zinc-400">
                <Untrusted
                  text={[
                    item.account.username && `@${item.account.username}`,
                    item.account.phoneMasked,
                    `DC ${item.account.dcId}`,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                />
              </span>
            </Td>
            <Td>
              <StatusBadge status={item.status} />
              <RestrictedFlag item={item} />
              {item.decryptFailed ? (
                <span className="mt-1 block text-xs text-red-700 dark:text-red-400">cannot decrypt</span>
              ) : null}
              {item.lastError && item.status !== "active" ? (
                <code className="mt-1 block text-xs text-zinc-500 dark:text-zinc-400">
                  <Untrusted text={item.lastError} />
                </code>
              ) : null}
            </Td>
            <Td className="whitespace-nowrap">
              <time dateTime={item.createdAt} title={`Created ${formatUtc(item.createdAt)}`}>
                {formatDuration(now - new Date(item.createdAt).getTime())}
              </time>
            </Td>
            <Td>
              <RelativeTime iso={item.lastUsedAt} now={now} formatTitle={formatUtc} />
            </Td>
            <Td>
              <RelativeTime iso={item.lastCheckAt} now={now} formatTitle={formatUtc} />
            </Td>
            <Td className="text-right tabular-nums">{item.authFailures}</Td>
            <Td className="text-right tabular-nums">
              {item.rateLimitHits}
              {item.floodWaitUntil && new Date(item.floodWaitUntil).getTime() > now ? (
                <FloodWait until={item.floodWaitUntil} renderedAt={now} />
              ) : null}
            </Td>
            <Td className="whitespace-nowrap tabular-nums">{formatLatency(item.lastLatencyMs)}</Td>
            <Td>
              <RelativeTime iso={item.expiresAt} now={now} fallback="Unknown" formatTitle={formatUtc} />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
