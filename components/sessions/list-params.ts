"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import type { SessionSort, SortOrder } from "@/db/queries/session-sort";
import type { SessionStatus } from "@/db/schema/telegram-sessions";
import { sessionStatuses } from "./status";

export type SessionListParams = { status: SessionStatus | ""; q: string; sort: SessionSort; order: SortOrder };

/** The order a column starts in when first clicked: the most telling rows first. */
export const firstOrder: Record<SessionSort, SortOrder> = {
  created: "desc",
  lastUsed: "desc",
  lastCheck: "desc",
  status: "desc",
  latency: "desc",
  expiry: "asc",
};

const defaults: SessionListParams = { status: "", q: "", sort: "created", order: "desc" };

function read(search: URLSearchParams): SessionListParams {
  const status = search.get("status") ?? "";
  const sort = search.get("sort") ?? "";
  const order = search.get("order");
  return {
    status: (sessionStatuses as string[]).includes(status) ? (status as SessionStatus) : "",
    q: search.get("q")?.slice(0, 100) ?? "",
    sort: Object.hasOwn(firstOrder, sort) ? (sort as SessionSort) : defaults.sort,
    order: order === "asc" || order === "desc" ? order : defaults.order,
  };
}

/** The list's filters live in the address, so a filtered view can be shared, bookmarked and reloaded. */
export function useSessionListParams(): [SessionListParams, (change: Partial<SessionListParams>) => void] {
  const search = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const params = useMemo(() => read(new URLSearchParams(search.toString())), [search]);
  const update = useCallback(
    (change: Partial<SessionListParams>) => {
      // From the address itself, not this render's params: two changes in a row must not undo each other.
      const next = { ...read(new URLSearchParams(window.location.search)), ...change };
      const query = new URLSearchParams();
      for (const key of ["status", "q", "sort", "order"] as const) {
        if (next[key] !== defaults[key]) query.set(key, next[key]);
      }
      const text = query.toString();
      router.replace(text ? `${pathname}?${text}` : pathname, { scroll: false });
    },
    [pathname, router],
  );
  return [params, update];
}
