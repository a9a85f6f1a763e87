"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import type { SessionDetail } from "@/lib/api/schemas/sessions";
import { FloodWait } from "./flood-wait";
import { formatDuration, formatLatency, formatPrecise } from "@/components/format";
import { RelativeTime } from "./time-cell";
import { useNow } from "./use-now";
import { failedChecksHint } from "./status-labels";
import { Untrusted } from "@/components/ui/untrusted";

/** The session's health numbers and history links, as a description list. */
export function SessionFacts({ session }: { session: SessionDetail }) {
  const now = useNow(10_000);
  const facts: [string, ReactNode][] = [
    [
      "Age",
      <span key="age" title={formatPrecise(session.createdAt)}>
        {formatDuration(now - new Date(session.createdAt).getTime())}
      </span>,
    ],
    ["Last used", <RelativeTime key="used" iso={session.lastUsedAt} now={now} />],
    ["Last check", <RelativeTime key="check" iso={session.lastCheckAt} now={now} />],
    ["Next check", nextCheck(session, now)],
    ["Latency", formatLatency(session.lastLatencyMs)],
    [
      "Failed checks",
      <span key="failed" title={failedChecksHint}>
        {session.authFailures} in a row
      </span>,
    ],
    [
      "Rate-limit hits",
      <span key="hits">
        {session.rateLimitHits}
        <FloodWait until={session.floodWaitUntil} />
      </span>,
    ],
    ["Expires", <RelativeTime key="exp" iso={session.expiresAt} now={now} fallback="Unknown until the first check" />],
    [
      "Last error",
      session.lastError ? (
        <code key="err" className="text-xs">
          <Untrusted text={session.lastError} />
        </code>
      ) : (
        "None"
      ),
    ],
  ];
  if (session.decryptFailed)
    facts.push([
      "Vault",
      <span key="vault" className="text-red-700 dark:text-red-400">
        Cannot be decrypted with the configured keys
      </span>,
    ]);
  if (session.revokedAt)
    facts.push([
      "Revoked",
      `${formatPrecise(session.revokedAt)}${session.revokedReason ? ` (${session.revokedReason})` : ""}`,
    ]);
  if (session.rotatedFromId)
    facts.push([
      "Replaces",
      <SessionLink key="from" id={session.rotatedFromId}>
        the session it was rotated from
      </SessionLink>,
    ]);
  if (session.rotatedToId)
    facts.push([
      "Replaced by",
      <SessionLink key="to" id={session.rotatedToId}>
        the session rotated from this one
      </SessionLink>,
    ]);
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-3 rounded-lg border border-zinc-200 bg-white p-4 text-sm sm:grid-cols-2 lg:grid-cols-3 dark:border-zinc-800 dark:bg-zinc-900">
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">{label}</dt>
          <dd className="mt-0.5">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function SessionLink({ id, children }: { id: string; children: ReactNode }) {
  return (
    <Link href={`/sessions/${id}`} className="text-sky-800 hover:underline dark:text-sky-300">
      {children}
    </Link>
  );
}

function nextCheck(session: SessionDetail, now: number): ReactNode {
  if (session.status !== "active" && session.status !== "degraded") return "None: not checked in this state";
  if (new Date(session.nextCheckAt).getTime() <= now) return "Due now";
  return <RelativeTime iso={session.nextCheckAt} now={now} />;
}
