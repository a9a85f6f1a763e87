"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api/client-fetch";
import type { CreatedToken, TokenItem } from "@/lib/api/schemas/tokens";

const tokensKey = ["tokens"] as const;
const tokensPath = "/api/v1/tokens";

export function useTokens() {
  return useQuery({ queryKey: tokensKey, queryFn: () => apiFetch<{ items: TokenItem[] }>(tokensPath) });
}

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      name: string;
      scope: TokenItem["scope"];
      expiresInDays?: number;
      revokeOnPasswordChange?: boolean;
    }) => apiFetch<CreatedToken>(tokensPath, { method: "POST", body }),
    onSettled: () => client.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<{ id: string }>(`${tokensPath}/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSettled: () => client.invalidateQueries({ queryKey: tokensKey }),
  });
}
