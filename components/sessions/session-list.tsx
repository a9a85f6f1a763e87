import Link from "next/link";
import type { SessionSort } from "@/db/queries/session-sort";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LiveList, type LiveRefresh } from "./live-list";
import type { LoadedSessionPage } from "./load-session-page";
import { SessionFilters } from "./session-filters";
import { sessionListSearch, type SessionListAddress } from "./session-list-params";
import { SessionPager } from "./session-pager";
import { SessionsTable } from "./sessions-table";

const sortNames: Record<SessionSort, string> = {
  created: "age",
  lastUsed: "last use",
  lastCheck: "last check",
  status: "state",
  latency: "latency",
  expiry: "expiry",
};

type Props = { address: SessionListAddress; page: LoadedSessionPage; canManage: boolean; refresh: LiveRefresh };

/**
 * The sessions list, rendered on the server with its first page: filters and sort in the address, pages by
 * cursor, kept live by LiveList through `refresh` (the page's server action). Only the filters, the live refresh and flood-wait countdowns run in the browser.
 */
export function SessionList({ address, page, canManage, refresh }: Props) {
  return (
    <div className="space-y-4">
      <SessionFilters />
      {page.ok ? (
        <LiveList loadedAt={page.loadedAt} refresh={refresh}>
          <SessionPageView address={{ ...address, cursors: page.cursors }} page={page} canManage={canManage} />
        </LiveList>
      ) : (
        <LiveList loadedAt={null} failure={page.failure} refresh={refresh} />
      )}
    </div>
  );
}

/** One page of the list, or why there is none; also what the live refresh renders. */
export function SessionPageView({
  address,
  page,
  canManage,
}: {
  address: SessionListAddress;
  page: Extract<LoadedSessionPage, { ok: true }>;
  canManage: boolean;
}) {
  if (page.items.length === 0) {
    if (address.status !== "" || address.q !== "") {
      const cleared = `/sessions${sessionListSearch({ ...address, q: "", status: "", cursors: [] })}`;
      return (
        <EmptyState
          title="No sessions match"
          action={
            <Link href={cleared} replace className={buttonClasses("secondary")}>
              Clear filters
            </Link>
          }
        >
          Nothing matches these filters. Search looks at names, usernames, masked phone numbers and exact Telegram ids.
        </EmptyState>
      );
    }
    return (
      <EmptyState
        title="No Telegram sessions yet"
        action={
          canManage ? (
            <span className="flex gap-2">
              <Link href="/accounts/new" className={buttonClasses()}>
                Add an account
              </Link>
              <Link href="/accounts/import" className={buttonClasses("secondary")}>
                Import sessions
              </Link>
            </span>
          ) : undefined
        }
      >
        {canManage
          ? "Add a Telegram account to create its first session. The console runs the login steps on the server and keeps the session encrypted."
          : "Sessions appear here once an admin adds a Telegram account."}
      </EmptyState>
    );
  }
  const caption = `Telegram sessions, sorted by ${sortNames[address.sort]} (${address.order === "asc" ? "ascending" : "descending"}), page ${address.cursors.length + 1}`;
  return (
    <>
      <SessionsTable items={page.items} params={address} caption={caption} now={page.loadedAt} />
      <SessionPager address={address} nextCursor={page.nextCursor} />
    </>
  );
}
