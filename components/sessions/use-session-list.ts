"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api/client-fetch";
import type { SessionPageBody } from "@/lib/api/schemas/sessions";
import type { SessionListParams } from "./list-params";
import { liveQuery } from "./live-query";

const sessionPageSize = 50;

/** One page of the list, polled while visible; the previous page stays on screen while the next loads. */
export function useSessionPage(params: SessionListParams, cursor: string | undefined) {
  return useQuery({
    queryKey: ["sessions", "list", params, cursor ?? null],
    queryFn: () => {
      const search = new URLSearchParams({ sort: params.sort, order: params.order, limit: String(sessionPageSize) });
      if (params.status) search.set("status", params.status);
      if (params.q) search.set("q", params.q);
      if (cursor) search.set("cursor", cursor);
      return apiFetch<SessionPageBody>(`/api/v1/sessions?${search}`);
    },
    placeholderData: keepPreviousData,
    ...liveQuery,
  });
}
