"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadFailed, QueryStatus } from "@/components/ui/load-status";
import { PageSkeleton } from "@/components/ui/page-skeleton";
import { ApiRequestError } from "@/lib/api/client-fetch";
import { AccountStateNotice } from "./account-state";
import { CheckNowButton } from "./check-now-button";
import { checkPoint } from "./check-results";
import { DeviceList } from "./device-list";
import { EventTimeline } from "./event-timeline";
import { LatencyChart } from "./latency-chart";
import { LiveQueryStatus } from "./live-status";
import { RateLimitHistory } from "./rate-limit-history";
import { LeaseList } from "./lease-list";
import { RecentCalls } from "./recent-calls";
import { SessionFacts } from "./session-facts";
import { StatusBadge } from "./status";
import { StatusHistory } from "./status-history";
import { useRecentEvents, useSession } from "./use-session-detail";
import { Untrusted } from "@/components/ui/untrusted";

const historyLength = 60;

export function SessionDetailView({ sessionId, canManage }: { sessionId: string; canManage: boolean }) {
  const session = useSession(sessionId);
  const checks = useRecentEvents(sessionId, "check", historyLength);
  const floods = useRecentEvents(sessionId, "flood_wait", 20);
  if (session.isPending) return <PageSkeleton />;
  if (!session.data) {
    if (session.error instanceof ApiRequestError && session.error.status === 404) {
      return (
        <EmptyState
          title="No such session"
          action={
            <Link href="/sessions" className="text-sky-800 underline dark:text-sky-300">
              Back to the sessions
            </Link>
          }
        />
      );
    }
    return (
      <LoadFailed
        title="The session could not be loaded"
        reason={session.error?.message}
        onRetry={() => session.refetch()}
      />
    );
  }
  const s = session.data;
  const points = (checks.data?.items ?? []).map(checkPoint).reverse();
  const checkable = s.status === "active" || s.status === "degraded" || s.status === "frozen";
  return (
    <div className="space-y-8">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <p className="text-sm">
            <Link href="/sessions" className="text-sky-800 hover:underline dark:text-sky-300">
              Sessions
            </Link>{" "}
            /
          </p>
          <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold tracking-tight">
            <Untrusted text={s.account.displayName} fallback="Unnamed account" /> <StatusBadge status={s.status} />
          </h1>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            <Untrusted
              text={[
                s.account.username && `@${s.account.username}`,
                s.account.phoneMasked,
                `Telegram id ${s.account.telegramUserId}`,
                `DC ${s.dcId}`,
              ]
                .filter(Boolean)
                .join(" · ")}
            />
          </p>
          <LiveQueryStatus query={session} />
        </div>
        {canManage && checkable ? <CheckNowButton sessionId={sessionId} /> : null}
      </header>
      <AccountStateNotice session={s} />
      <SessionFacts session={s} />
      <Section title="Status history" description={`The last ${historyLength} health checks, oldest on the left.`}>
        {checks.data ? (
          <StatusHistory points={points} slots={historyLength} />
        ) : (
          <QueryStatus pending={checks.isPending} error={checks.error} />
        )}
      </Section>
      <Section title="Check latency">
        {checks.data ? (
          <LatencyChart points={points} />
        ) : (
          <QueryStatus pending={checks.isPending} error={checks.error} />
        )}
      </Section>
      <Section title="Rate limits" description={`${s.rateLimitHits} flood waits in all; the latest 20 below.`}>
        {floods.data ? (
          <RateLimitHistory events={floods.data.items} />
        ) : (
          <QueryStatus pending={floods.isPending} error={floods.error} />
        )}
      </Section>
      <Section title="Recent calls" description="Telegram calls services made through the console's API.">
        <RecentCalls sessionId={sessionId} />
      </Section>
      {canManage ? (
        <Section title="Leased keys" description="Keys lent to services; each is logged out at Telegram when it ends.">
          <LeaseList sessionId={sessionId} />
        </Section>
      ) : null}
      <Section title="Devices on this account">
        <DeviceList sessionId={sessionId} usable={checkable && !s.decryptFailed} canManage={canManage} />
      </Section>
      <Section title="Timeline">
        <EventTimeline sessionId={sessionId} />
      </Section>
    </div>
  );
}

function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  const id = `section-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section aria-labelledby={id} className="space-y-3">
      <div>
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {description ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{description}</p> : null}
      </div>
      {children}
    </section>
  );
}
