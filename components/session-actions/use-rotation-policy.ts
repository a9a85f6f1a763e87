"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api/client-fetch";
import type { RotationPolicyView } from "@/lib/api/schemas/settings";

const key = ["settings", "rotation"] as const;
const path = "/api/v1/settings/rotation";

export function useRotationPolicy() {
  return useQuery({ queryKey: key, queryFn: () => apiFetch<RotationPolicyView>(path) });
}

export function useSaveRotationPolicy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (policy: RotationPolicyView) => apiFetch<RotationPolicyView>(path, { method: "PATCH", body: policy }),
    onSuccess: (saved) => client.setQueryData(key, saved),
  });
}
