"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { readSessionListParams, sessionListSearch, type SessionListParams } from "./session-list-params";

/** The list's filters live in the address, so a filtered view can be shared, bookmarked and reloaded. */
export function useSessionListParams(): [SessionListParams, (change: Partial<SessionListParams>) => void] {
  const search = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const params = useMemo(() => readSessionListParams(new URLSearchParams(search.toString())), [search]);
  const update = useCallback(
    (change: Partial<SessionListParams>) => {
      // From the address itself, not this render's params: two changes in a row must not undo each other.
      const next = { ...readSessionListParams(new URLSearchParams(window.location.search)), ...change };
      router.replace(`${pathname}${sessionListSearch(next)}`, { scroll: false });
    },
    [pathname, router],
  );
  return [params, update];
}
