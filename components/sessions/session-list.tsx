"use client";

import Link from "next/link";
import { useState } from "react";
import type { SessionSort } from "@/db/queries/session-sort";
import { Banner } from "@/components/ui/banner";
import { Button, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { firstOrder, useSessionListParams } from "./list-params";
import { LiveStatus } from "./live-status";
import { SessionFilters } from "./session-filters";
import { SessionsTable } from "./sessions-table";
import { TableSkeleton } from "./table-skeleton";
import { useSessionPage } from "./use-session-list";

const sortNames: Record<SessionSort, string> = {
  created: "age", lastUsed: "last use", lastCheck: "last check", status: "state", latency: "latency", expiry: "expiry",
};

/** The sessions list: filters and sort in the address, pages by cursor (Previous keeps the cursors seen). */
export function SessionList({ canManage }: { canManage: boolean }) {
  const [params, change] = useSessionListParams();
  // Cursors belong to one filter and sort: any change of the address (a click, Back) starts at page 1 again.
  const listKey = JSON.stringify(params);
  const [paging, setPaging] = useState<{ listKey: string; cursors: string[] }>({ listKey, cursors: [] });
  const cursors = paging.listKey === listKey ? paging.cursors : [];
  const setCursors = (next: string[]) => setPaging({ listKey, cursors: next });
  const page = useSessionPage(params, cursors.at(-1));
  const sortBy = (column: SessionSort) =>
    change({ sort: column, order: column === params.sort ? (params.order === "asc" ? "desc" : "asc") : firstOrder[column] });
  const filtered = params.status !== "" || params.q !== "";
  const items = page.data?.items ?? [];
  const nextCursor = page.data?.nextCursor;

  return (
    <div className="space-y-4">
      <SessionFilters value={params} onChange={change} />
      <LiveStatus query={page} />
      {page.isPending ? <TableSkeleton /> : null}
      {page.isError && !page.data ? (
        <div className="space-y-3">
          <Banner tone="danger" title="The sessions could not be loaded">{page.error.message}</Banner>
          <Button variant="secondary" onClick={() => page.refetch()}>Try again</Button>
        </div>
      ) : null}
      {page.isSuccess && items.length === 0 ? (
        filtered ? (
          <EmptyState title="No sessions match" action={<Button variant="secondary" onClick={() => change({ q: "", status: "" })}>Clear filters</Button>}>
            Nothing matches these filters. Search looks at names, usernames, masked phone numbers and exact Telegram ids.
          </EmptyState>
        ) : (
          <EmptyState
            title="No Telegram sessions yet"
            action={canManage ? <Link href="/accounts/new" className={buttonClasses()}>Add an account</Link> : undefined}
          >
            {canManage
              ? "Add a Telegram account to create its first session. The console runs the login steps on the server and keeps the session encrypted."
              : "Sessions appear here once an admin adds a Telegram account."}
          </EmptyState>
        )
      ) : null}
      {items.length ? (
        <>
          <SessionsTable
            items={items}
            sort={params.sort}
            order={params.order}
            onSort={sortBy}
            caption={`Telegram sessions, sorted by ${sortNames[params.sort]} (${params.order === "asc" ? "ascending" : "descending"}), page ${cursors.length + 1}`}
          />
          <nav aria-label="Pages" className="flex items-center justify-between gap-3">
            <Button variant="secondary" disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))}>Previous page</Button>
            <span className="text-sm text-zinc-600 dark:text-zinc-400">Page {cursors.length + 1}</span>
            <Button variant="secondary" disabled={!nextCursor} pending={page.isPlaceholderData} onClick={() => nextCursor && setCursors([...cursors, nextCursor])}>
              Next page
            </Button>
          </nav>
        </>
      ) : null}
    </div>
  );
}
