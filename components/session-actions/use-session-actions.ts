"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api/client-fetch";
import type { RevokeResult } from "@/lib/revocation/revoke";
import type { RotateResult } from "@/lib/rotation/rotate";

const base = (id: string) => `/api/v1/sessions/${encodeURIComponent(id)}`;

/** A mutation that refreshes every session view once it settles (lists, detail, the new session). */
function useSessionMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => client.invalidateQueries({ queryKey: ["sessions"] }) });
}

export function useRotate(id: string) {
  return useSessionMutation((password: string | undefined) =>
    apiFetch<RotateResult>(`${base(id)}/rotate`, { method: "POST", body: password === undefined ? {} : { password } }),
  );
}

export function useRevoke(id: string) {
  return useSessionMutation(() => apiFetch<RevokeResult>(`${base(id)}/revoke`, { method: "POST" }));
}

export function useForget(id: string) {
  return useSessionMutation(() =>
    apiFetch<{ id: string; status: "revoked" }>(`${base(id)}/forget`, { method: "POST" }),
  );
}
