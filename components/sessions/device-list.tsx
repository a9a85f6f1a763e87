"use client";

import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Banner } from "@/components/ui/banner";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { ApiRequestError } from "@/lib/api/client-fetch";
import type { AuthorizationItem } from "@/lib/api/schemas/authorizations";
import { TerminateDeviceButton, TerminateOthersButton } from "./device-actions";
import { formatPrecise } from "@/components/format";
import { useDevices } from "./use-session-detail";
import { Untrusted } from "@/components/ui/untrusted";

type Props = { sessionId: string; usable: boolean; canManage: boolean };

/** The account's logged-in devices, fetched from Telegram through this session only when asked; admins may log foreign ones out. */
export function DeviceList({ sessionId, usable, canManage }: Props) {
  const devices = useDevices(sessionId);
  const data = devices.data;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" onClick={() => devices.refetch()} pending={devices.isFetching} disabled={!usable}>
          {devices.isFetching ? "Asking Telegram…" : "Refresh from Telegram"}
        </Button>
        <span role="status" className="text-xs text-zinc-600 dark:text-zinc-400">
          {!usable
            ? "This session can no longer talk to Telegram."
            : data
              ? `Fetched ${formatPrecise(data.fetchedAt)}; Telegram logs out devices inactive for ${data.ttlDays} days.`
              : "Not fetched yet: the list comes straight from Telegram, through this session."}
        </span>
      </div>
      {devices.isError ? (
        <Banner tone="danger" title="Telegram's device list could not be fetched">
          {failureText(devices.error)}
        </Banner>
      ) : null}
      {data ? <DeviceTable items={data.items} sessionId={sessionId} canManage={canManage} /> : null}
      {data && canManage && data.items.length > 1 ? <TerminateOthersButton sessionId={sessionId} /> : null}
    </div>
  );
}

function failureText(error: Error): string {
  if (error instanceof ApiRequestError && error.retryAfterSeconds)
    return `${error.message} Try again in ${error.retryAfterSeconds} s.`;
  return error.message;
}

function DeviceTable({
  items,
  sessionId,
  canManage,
}: {
  items: AuthorizationItem[];
  sessionId: string;
  canManage: boolean;
}) {
  return (
    <Table caption="Devices and apps logged in to this Telegram account">
      <thead>
        <tr>
          <Th>Device</Th>
          <Th>App</Th>
          <Th>IP and place</Th>
          <Th>Logged in</Th>
          <Th>Last active</Th>
          {canManage ? (
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.hash}>
            <Td>
              <span className="font-medium">
                <Untrusted text={item.device} fallback="Unknown device" />
              </span>
              <span className="block text-xs text-zinc-500 dark:text-zinc-400">
                <Untrusted text={[item.platform, item.system].filter(Boolean).join(" · ")} />
              </span>
              <span className="mt-1 flex flex-wrap gap-1">
                {item.current ? <Badge tone="info">This session</Badge> : null}
                {item.foreign ? <Badge tone="warning">Not from this console</Badge> : null}
                {!item.current && item.consoleSessionId ? (
                  <Link
                    href={`/sessions/${item.consoleSessionId}`}
                    className="text-xs text-sky-800 underline dark:text-sky-300"
                  >
                    Another console session
                  </Link>
                ) : null}
                {item.leaseId ? <Badge tone="info">Leased key</Badge> : null}
                {item.official ? <Badge>Official app</Badge> : null}
                {item.passwordPending ? <Badge tone="warning">2FA password pending</Badge> : null}
                {item.unconfirmed ? <Badge tone="warning">Unconfirmed</Badge> : null}
              </span>
            </Td>
            <Td>
              <Untrusted text={item.app} fallback="—" />
            </Td>
            <Td>
              <span className="font-mono text-xs">
                <Untrusted text={item.ip} fallback="—" />
              </span>
              <span className="block text-xs text-zinc-500 dark:text-zinc-400">
                <Untrusted text={item.location} />
              </span>
            </Td>
            <Td className="whitespace-nowrap">{formatPrecise(item.createdAt)}</Td>
            <Td className="whitespace-nowrap">{formatPrecise(item.lastActiveAt)}</Td>
            {canManage ? (
              <Td>
                {item.foreign ? (
                  <TerminateDeviceButton sessionId={sessionId} hash={item.hash} device={item.device} />
                ) : null}
              </Td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
