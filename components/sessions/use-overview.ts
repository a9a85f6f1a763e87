"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api/client-fetch";
import type { OverviewBody } from "@/lib/api/schemas/overview";
import { liveQuery } from "./live-query";

export function useOverview() {
  return useQuery({
    queryKey: ["sessions", "overview"],
    queryFn: () => apiFetch<OverviewBody>("/api/v1/overview"),
    ...liveQuery,
  });
}
