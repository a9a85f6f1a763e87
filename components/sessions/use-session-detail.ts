"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api/client-fetch";
import type { AuthorizationsBody } from "@/lib/api/schemas/authorizations";
import type { SessionEventPageBody } from "@/lib/api/schemas/session-events";
import type { SessionDetail } from "@/lib/api/schemas/sessions";
import type { CheckReply } from "@/lib/api/schemas/sessions";
import { liveQuery } from "./live-query";

const base = (id: string) => `/api/v1/sessions/${encodeURIComponent(id)}`;

export function useSession(id: string) {
  return useQuery({
    queryKey: ["sessions", "detail", id],
    queryFn: () => apiFetch<SessionDetail>(base(id)),
    ...liveQuery,
  });
}

/** The newest `limit` events of some kinds (the history bar, the chart, the rate-limit table), polled. */
export function useRecentEvents(id: string, kind: string, limit: number) {
  return useQuery({
    queryKey: ["sessions", "events", id, kind, limit],
    queryFn: () => apiFetch<SessionEventPageBody>(`${base(id)}/events?kind=${kind}&limit=${limit}`),
    ...liveQuery,
  });
}

/** The whole timeline, newest first, older pages on demand. */
export function useTimeline(id: string, kind: string) {
  return useInfiniteQuery({
    queryKey: ["sessions", "timeline", id, kind],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => {
      const search = new URLSearchParams({ limit: "30" });
      if (kind) search.set("kind", kind);
      if (pageParam !== undefined) search.set("cursor", String(pageParam));
      return apiFetch<SessionEventPageBody>(`${base(id)}/events?${search}`);
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    ...liveQuery,
  });
}

/** Asks Telegram only when the button is pressed: each call uses the session. */
export function useDevices(id: string) {
  return useQuery({
    queryKey: ["sessions", "devices", id],
    queryFn: () => apiFetch<AuthorizationsBody>(`${base(id)}/authorizations`),
    enabled: false,
    retry: false,
  });
}

export function useCheckNow(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<CheckReply>(`${base(id)}/check`, { method: "POST" }),
    onSettled: () => client.invalidateQueries({ queryKey: ["sessions"] }),
  });
}
