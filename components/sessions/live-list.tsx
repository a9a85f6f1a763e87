"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition, type ReactNode } from "react";
import { Banner } from "@/components/ui/banner";
import { Button } from "@/components/ui/button";
import { formatRelative } from "./format";
import { liveQuery } from "./live-query";
import { useNow } from "./use-now";

type Props = { loadedAt: number | null; failure?: string; children?: ReactNode };

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Server-rendered content kept live: the server renders it again every 5 s while the tab is visible and at
 * once when the tab comes back. A failed render keeps the last good content on screen and says so.
 */
export function LiveList({ loadedAt, failure, children }: Props) {
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const [kept, setKept] = useState(loadedAt === null ? null : { loadedAt, children });
  if (loadedAt !== null && kept?.loadedAt !== loadedAt) setKept({ loadedAt, children });
  // Starts at the render time, so the server's and the browser's first text agree.
  const now = useNow(1000, loadedAt ?? undefined);

  useEffect(() => {
    const refresh = () => {
      if (document.visibilityState === "visible") startRefresh(() => router.refresh());
    };
    const timer = setInterval(refresh, liveQuery.refetchInterval);
    document.addEventListener("visibilitychange", refresh);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", refresh);
    };
  }, [router]);

  const shown = loadedAt !== null ? { loadedAt, children } : kept;
  if (!shown) {
    return (
      <div className="space-y-3">
        <Banner tone="danger" title="The sessions could not be loaded">{failure}</Banner>
        <Button variant="secondary" pending={refreshing} onClick={() => startRefresh(() => router.refresh())}>Try again</Button>
      </div>
    );
  }
  return (
    <>
      {loadedAt === null ? (
        <p className="text-xs text-amber-700 dark:text-amber-400">
          Live updates failed ({failure}); showing data from {formatRelative(iso(shown.loadedAt), now)}. Retrying…
        </p>
      ) : (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          <span aria-hidden="true" className={`mr-1.5 inline-block size-2 rounded-full ${refreshing ? "bg-sky-500" : "bg-emerald-500"}`} />
          Live · updated {formatRelative(iso(Math.min(shown.loadedAt, now)), now)}
        </p>
      )}
      {shown.children}
    </>
  );
}
