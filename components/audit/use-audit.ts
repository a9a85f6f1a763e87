"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api/client-fetch";
import type { AuditPageBody } from "@/lib/api/schemas/audit";

export type AuditFilters = { actor: string; action: string };

const pageSize = 50;

export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ["audit", filters],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => {
      const search = new URLSearchParams({ limit: String(pageSize) });
      if (pageParam !== undefined) search.set("cursor", String(pageParam));
      if (filters.actor) search.set("actor", filters.actor);
      if (filters.action) search.set("action", filters.action);
      return apiFetch<AuditPageBody>(`/api/v1/audit?${search}`);
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
