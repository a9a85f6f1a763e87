"use client";

import { useCallback, useEffect, useRef, useState, useTransition, type ReactNode } from "react";
import { LoadFailed } from "@/components/ui/load-status";
import { liveQuery } from "./live-query";
import { LiveStatus } from "./live-status";

type Rendered = { loadedAt: number; view: ReactNode };
export type LiveRefresh = (search: string) => Promise<({ ok: true } & Rendered) | { ok: false; failure: string }>;
type Props = { loadedAt: number | null; failure?: string; refresh: LiveRefresh; children?: ReactNode };

/**
 * Server-rendered content kept live: `refresh` renders it again on the server every 5 s while the tab is
 * visible, and at once when the tab comes back. A failed refresh keeps the last good content on screen and says so.
 */
export function LiveList({ loadedAt, failure, refresh, children }: Props) {
  const [refreshing, startRefresh] = useTransition();
  const [polled, setPolled] = useState<{ rendered?: Rendered; failure?: string }>({});
  // A new server render (a filter, sort or page change) replaces whatever the refreshes brought.
  const [renderedAt, setRenderedAt] = useState(loadedAt);
  if (renderedAt !== loadedAt) {
    setRenderedAt(loadedAt);
    setPolled({});
  }
  const inFlight = useRef(false);

  const poll = useCallback(() => {
    if (inFlight.current) return;
    inFlight.current = true;
    const search = window.location.search;
    startRefresh(async () => {
      const result = await refresh(search).catch(() => ({
        ok: false as const,
        failure: "the console could not be reached",
      }));
      inFlight.current = false;
      // An answer for an address the reader has left is dropped.
      if (search !== window.location.search) return;
      setPolled((last) =>
        result.ok
          ? { rendered: { loadedAt: result.loadedAt, view: result.view } }
          : { rendered: last.rendered, failure: result.failure },
      );
    });
  }, [refresh]);

  useEffect(() => {
    const whenVisible = () => {
      if (document.visibilityState === "visible") poll();
    };
    const timer = setInterval(whenVisible, liveQuery.refetchInterval);
    document.addEventListener("visibilitychange", whenVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", whenVisible);
    };
  }, [poll]);

  const shown = polled.rendered ?? (loadedAt === null ? undefined : { loadedAt, view: children });
  const failed = polled.failure ?? (loadedAt === null ? failure : undefined);
  if (!shown) {
    return <LoadFailed title="The sessions could not be loaded" reason={failed} retrying={refreshing} onRetry={poll} />;
  }
  return (
    <>
      {/* Starts at the render time, so the server's and the browser's first text agree. */}
      <LiveStatus
        updatedAt={shown.loadedAt}
        fetching={refreshing}
        failure={failed || undefined}
        renderedAt={loadedAt ?? undefined}
      />
      {shown.view}
    </>
  );
}
