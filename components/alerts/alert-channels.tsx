"use client";

import { useState } from "react";
import { untrustedText } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { QueryStatus } from "@/components/ui/load-status";
import { SecretOnceNotice } from "@/components/ui/secret-once-notice";
import { Table, Td, Th } from "@/components/ui/table";
import { Untrusted } from "@/components/ui/untrusted";
import { ActionError } from "@/components/ui/action-error";
import type { ChannelItem } from "@/lib/api/schemas/alerts";
import { CreateChannelForm } from "./create-channel-form";
import { eventKindLabels } from "./event-kinds";
import { useChannels, useDeleteChannel, usePauseChannel, useTestChannel, type CreatedChannel } from "./use-alerts";

const kindNames: Record<ChannelItem["kind"], string> = {
  webhook: "Webhook",
  slack: "Slack",
  discord: "Discord",
  email: "Email",
};

/** The alert channels: who is told of what; admins add, test, pause and delete them. */
export function AlertChannels({ canManage }: { canManage: boolean }) {
  const channels = useChannels();
  const pause = usePauseChannel();
  const test = useTestChannel();
  const remove = useDeleteChannel();
  const [created, setCreated] = useState<CreatedChannel | null>(null);
  const [deleting, setDeleting] = useState<ChannelItem | null>(null);
  const [tested, setTested] = useState<string | null>(null);
  const actionError = pause.error?.message ?? test.error?.message;

  return (
    <section aria-labelledby="channels-title" className="space-y-4">
      <h2 id="channels-title" className="text-lg font-semibold">
        Channels
      </h2>
      {created ? (
        created.secret ? (
          <SecretOnceNotice
            title={`Channel “${untrustedText(created.item.name)}” added`}
            secret={created.secret}
            copyLabel="Copy signing secret"
            onDismiss={() => setCreated(null)}
          >
            Verify each delivery&apos;s <code>webhook-signature</code> with this secret (Standard Webhooks). Copy it
            now: it will not be shown again.
          </SecretOnceNotice>
        ) : (
          <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
            Channel “<Untrusted text={created.item.name} />” added.
          </p>
        )
      ) : null}
      {canManage ? <CreateChannelForm onCreated={setCreated} /> : null}
      <div aria-busy={channels.isPending} className="space-y-3">
        <QueryStatus
          pending={channels.isPending}
          error={channels.error}
          loading="Loading channels…"
          failed="Channels could not be loaded"
        />
        {channels.data?.items.length === 0 ? (
          <EmptyState title="No alert channels">
            {canManage
              ? "Add one above, and the console tells it when a session dies, a foreign device appears or a rotation fails."
              : "An admin can add one, so that someone is told when a session needs attention."}
          </EmptyState>
        ) : null}
        {tested ? (
          <p role="status" className="text-sm text-zinc-700 dark:text-zinc-300">
            Test event queued for “<Untrusted text={tested} />
            ”: see the delivery log below.
          </p>
        ) : null}
        <ActionError message={actionError} />
        {channels.data?.items.length ? (
          <Table caption="Alert channels">
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>Kind</Th>
                {canManage ? <Th>Target</Th> : null}
                <Th>Events</Th>
                <Th>State</Th>
                {canManage ? <Th className="text-right">Actions</Th> : null}
              </tr>
            </thead>
            <tbody>
              {channels.data.items.map((channel) => (
                <tr key={channel.id}>
                  <Td className="font-medium">
                    <Untrusted text={channel.name} />
                  </Td>
                  <Td>{kindNames[channel.kind]}</Td>
                  {canManage ? <Td className="font-mono text-xs">{channel.target}</Td> : null}
                  <Td>
                    <details>
                      <summary className="cursor-pointer">
                        {channel.events.length} {channel.events.length === 1 ? "event" : "events"}
                      </summary>
                      <ul className="mt-1 list-disc pl-5 text-xs text-zinc-600 dark:text-zinc-400">
                        {channel.events.map((event) => (
                          <li key={event}>{eventKindLabels[event]}</li>
                        ))}
                      </ul>
                    </details>
                    <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
                      {channel.labels.length ? (
                        <>
                          Sessions labelled <Untrusted text={channel.labels.join(", ")} />
                        </>
                      ) : (
                        "Every session"
                      )}
                    </p>
                  </Td>
                  <Td>
                    {channel.paused ? <Badge tone="warning">Paused</Badge> : <Badge tone="success">Active</Badge>}
                  </Td>
                  {canManage ? (
                    <Td className="whitespace-nowrap text-right">
                      <div className="flex justify-end gap-2">
                        <Button
                          variant="secondary"
                          size="sm"
                          aria-label={`Send a test event: ${untrustedText(channel.name)}`}
                          pending={test.isPending && test.variables === channel.id}
                          onClick={() => test.mutate(channel.id, { onSuccess: () => setTested(channel.name) })}
                        >
                          Send test
                        </Button>
                        <Button
                          variant="secondary"
                          size="sm"
                          aria-label={`${channel.paused ? "Resume" : "Pause"}: ${untrustedText(channel.name)}`}
                          pending={pause.isPending && pause.variables?.id === channel.id}
                          onClick={() => pause.mutate({ id: channel.id, paused: !channel.paused })}
                        >
                          {channel.paused ? "Resume" : "Pause"}
                        </Button>
                        <Button
                          variant="danger"
                          size="sm"
                          aria-label={`Delete: ${untrustedText(channel.name)}`}
                          onClick={() => {
                            remove.reset();
                            setDeleting(channel);
                          }}
                        >
                          Delete
                        </Button>
                      </div>
                    </Td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </Table>
        ) : null}
      </div>
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete “${untrustedText(deleting?.name ?? "")}”?`}
        confirmLabel="Delete channel"
        pending={remove.isPending}
        error={remove.error?.message}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
        onCancel={() => setDeleting(null)}
      >
        Nothing more is sent to it, and its delivery log is deleted with it. Pause it instead to stop it for a while.
      </ConfirmDialog>
    </section>
  );
}
