"use client";

import Link from "next/link";
import { useState } from "react";
import { formatDateTime } from "@/components/format";
import { ActionError } from "@/components/ui/action-error";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/field";
import { QueryStatus } from "@/components/ui/load-status";
import { Table, Td, Th } from "@/components/ui/table";
import { Untrusted } from "@/components/ui/untrusted";
import type { DeliveryItem } from "@/lib/api/schemas/alerts";
import type { AlertKind } from "@/db/schema/alerts";
import { eventKindLabels } from "./event-kinds";
import { useChannels, useDeliveries, useRedeliver } from "./use-alerts";

const statusTones: Record<DeliveryItem["status"], BadgeTone> = {
  pending: "warning",
  delivered: "success",
  failed: "danger",
};

const statusNames: Record<DeliveryItem["status"], string> = {
  pending: "Retrying",
  delivered: "Delivered",
  failed: "Failed",
};

/** What the receiver last answered: its status code, or why there was none. */
function lastAnswer(delivery: DeliveryItem): string {
  const code = delivery.lastStatusCode === null ? null : `HTTP ${delivery.lastStatusCode}`;
  if (delivery.lastError && delivery.lastError !== code)
    return code ? `${code}: ${delivery.lastError}` : delivery.lastError;
  return code ?? (delivery.attempts === 0 ? "Not sent yet" : "No answer");
}

/** Every delivery of every channel (or one), newest first, with a redeliver button for admins. */
export function DeliveryLog({ canManage }: { canManage: boolean }) {
  const [channel, setChannel] = useState("");
  const channels = useChannels();
  const log = useDeliveries(channel);
  const redeliver = useRedeliver();
  const deliveries = log.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section aria-labelledby="deliveries-title" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h2 id="deliveries-title" className="text-lg font-semibold">
          Delivery log
        </h2>
        <Select label="Channel" value={channel} onChange={(e) => setChannel(e.target.value)} className="w-64">
          <option value="">All channels</option>
          {channels.data?.items.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
      </div>
      <div aria-busy={log.isPending} className="space-y-3">
        <QueryStatus
          pending={log.isPending}
          error={log.error}
          loading="Loading deliveries…"
          failed="The delivery log could not be loaded"
        />
        <ActionError message={redeliver.error?.message} />
        {log.data && deliveries.length === 0 ? (
          <EmptyState title="Nothing delivered yet">
            Deliveries appear here when a subscribed event happens, or when an admin sends a test event.
          </EmptyState>
        ) : null}
        {deliveries.length ? (
          <Table caption="Alert deliveries, newest first">
            <thead>
              <tr>
                <Th>Queued</Th>
                <Th>Channel</Th>
                <Th>Event</Th>
                <Th>Status</Th>
                <Th>Attempts</Th>
                <Th>Last answer</Th>
                {canManage ? <Th className="text-right">Actions</Th> : null}
              </tr>
            </thead>
            <tbody>
              {deliveries.map((delivery) => (
                <tr key={delivery.id}>
                  <Td className="whitespace-nowrap">{formatDateTime(delivery.createdAt)}</Td>
                  <Td>
                    <Untrusted text={delivery.channelName} />
                  </Td>
                  <Td>
                    {eventKindLabels[delivery.kind as AlertKind] ?? delivery.kind}
                    {delivery.sessionId ? (
                      <>
                        {" · "}
                        <Link href={`/sessions/${delivery.sessionId}`} className="underline">
                          session
                        </Link>
                      </>
                    ) : null}
                  </Td>
                  <Td>
                    <Badge tone={statusTones[delivery.status]}>{statusNames[delivery.status]}</Badge>
                    {delivery.status === "pending" && delivery.attempts > 0 ? (
                      <span className="ml-2 text-xs text-zinc-500">next {formatDateTime(delivery.nextAttemptAt)}</span>
                    ) : null}
                  </Td>
                  <Td>{delivery.attempts}</Td>
                  <Td className="text-xs">
                    <Untrusted text={lastAnswer(delivery)} />
                  </Td>
                  {canManage ? (
                    <Td className="text-right">
                      {delivery.status === "pending" ? null : (
                        <Button
                          variant="secondary"
                          size="sm"
                          aria-label={`Redeliver ${eventKindLabels[delivery.kind as AlertKind] ?? delivery.kind} to ${delivery.channelName}`}
                          pending={redeliver.isPending && redeliver.variables === delivery.id}
                          onClick={() => redeliver.mutate(delivery.id)}
                        >
                          Redeliver
                        </Button>
                      )}
                    </Td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </Table>
        ) : null}
        {log.hasNextPage ? (
          <Button variant="secondary" pending={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
            Load older deliveries
          </Button>
        ) : null}
      </div>
    </section>
  );
}
