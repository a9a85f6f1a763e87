"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { formatPrecise } from "@/components/format";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { QueryStatus } from "@/components/ui/load-status";
import { Table, Td, Th } from "@/components/ui/table";
import { Untrusted } from "@/components/ui/untrusted";
import { apiFetch } from "@/lib/api/client-fetch";
import type { LeaseItem } from "@/lib/api/schemas/leases";
import { liveQuery } from "./live-query";

const leasesKey = (sessionId: string) => ["sessions", "leases", sessionId];

const statusText: Record<LeaseItem["status"], string> = {
  minting: "Being made",
  active: "Active",
  logout_pending: "Logging out",
  logged_out: "Logged out",
};

/** Keys lent to services from this session: who took each, since and until when, and where its logout stands. */
export function LeaseList({ sessionId }: { sessionId: string }) {
  const leases = useQuery({
    queryKey: leasesKey(sessionId),
    queryFn: () =>
      apiFetch<{ items: LeaseItem[] }>(`/api/v1/leases?sessionId=${encodeURIComponent(sessionId)}&limit=20`),
    ...liveQuery,
  });
  if (!leases.data) return <QueryStatus pending={leases.isPending} error={leases.error} />;
  if (leases.data.items.length === 0)
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">No key of this session has been leased.</p>;
  return (
    <Table caption="Leased keys, newest first">
      <thead>
        <tr>
          <Th>Taken by</Th>
          <Th>Since</Th>
          <Th>Until</Th>
          <Th>Format</Th>
          <Th>Status</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </thead>
      <tbody>
        {leases.data.items.map((lease) => (
          <tr key={lease.id}>
            <Td>
              <Untrusted text={lease.tokenName ? `token ${lease.tokenName}` : lease.takenBy} />
            </Td>
            <Td className="whitespace-nowrap">{formatPrecise(lease.createdAt)}</Td>
            <Td className="whitespace-nowrap">{formatPrecise(lease.endedAt ?? lease.expiresAt)}</Td>
            <Td>{lease.format}</Td>
            <Td>
              {statusText[lease.status]}
              {lease.endReason ? ` (${lease.endReason})` : ""}
              {lease.status === "logout_pending" && lease.lastError ? `, last try: ${lease.lastError}` : ""}
            </Td>
            <Td>{lease.status === "active" ? <RevokeLeaseButton sessionId={sessionId} lease={lease} /> : null}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function RevokeLeaseButton({ sessionId, lease }: { sessionId: string; lease: LeaseItem }) {
  const [open, setOpen] = useState(false);
  const client = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => apiFetch(`/api/v1/leases/${encodeURIComponent(lease.id)}`, { method: "DELETE" }),
    onSuccess: async () => {
      setOpen(false);
      await client.invalidateQueries({ queryKey: leasesKey(sessionId) });
    },
  });
  return (
    <>
      <Button variant="danger" size="sm" onClick={() => setOpen(true)}>
        Revoke
      </Button>
      <ConfirmDialog
        open={open}
        title="Revoke this leased key?"
        confirmLabel="Revoke it"
        pending={revoke.isPending}
        error={revoke.error?.message}
        onConfirm={() => revoke.mutate()}
        onCancel={() => {
          setOpen(false);
          revoke.reset();
        }}
      >
        Telegram logs the key out now; the service holding it must take a new lease.
      </ConfirmDialog>
    </>
  );
}
