"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api/client-fetch";
import type { ForgetReply, RevokeReply, RotateReply } from "@/lib/api/schemas/sessions";

const base = (id: string) => `/api/v1/sessions/${encodeURIComponent(id)}`;

/** A mutation that refreshes every session view once it settles (lists, detail, the new session). */
function useSessionMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => client.invalidateQueries({ queryKey: ["sessions"] }) });
}

export function useRotate(id: string) {
  return useSessionMutation((password: string | undefined) =>
    apiFetch<RotateReply>(`${base(id)}/rotate`, { method: "POST", body: password === undefined ? {} : { password } }),
  );
}

export function useRevoke(id: string) {
  return useSessionMutation(() => apiFetch<RevokeReply>(`${base(id)}/revoke`, { method: "POST" }));
}

export function useForget(id: string) {
  return useSessionMutation(() => apiFetch<ForgetReply>(`${base(id)}/forget`, { method: "POST" }));
}
