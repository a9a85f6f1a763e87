"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api/client-fetch";
import type { TtlReply } from "@/lib/api/schemas/authorizations";

/** Sets the account's auto-terminate period at Telegram; the device list (which shows it) is fetched again. */
export function useSetTtl(sessionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (days: number) =>
      apiFetch<TtlReply>(`/api/v1/sessions/${encodeURIComponent(sessionId)}/authorizations/ttl`, {
        method: "POST",
        body: { days },
      }),
    onSuccess: () => client.refetchQueries({ queryKey: ["sessions", "devices", sessionId] }),
  });
}
