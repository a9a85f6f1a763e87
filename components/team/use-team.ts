"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api/client-fetch";
import type { AddedMember, MemberItem } from "@/lib/api/schemas/team";

const membersKey = ["team", "members"] as const;
const membersPath = "/api/v1/team/members";

export type MemberChange = { role?: MemberItem["role"]; disabled?: boolean };

export function useMembers() {
  return useQuery({ queryKey: membersKey, queryFn: () => apiFetch<{ items: MemberItem[] }>(membersPath) });
}

function useInvalidatingMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => client.invalidateQueries({ queryKey: membersKey }) });
}

export function useAddMember() {
  return useInvalidatingMutation((body: { email: string; role: MemberItem["role"] }) =>
    apiFetch<AddedMember>(membersPath, { method: "POST", body }),
  );
}

export function useChangeMember() {
  return useInvalidatingMutation(({ id, change }: { id: string; change: MemberChange }) =>
    apiFetch<MemberItem>(`${membersPath}/${encodeURIComponent(id)}`, { method: "PATCH", body: change }),
  );
}

export function useRemoveMember() {
  return useInvalidatingMutation((id: string) =>
    apiFetch<{ id: string }>(`${membersPath}/${encodeURIComponent(id)}`, { method: "DELETE" }),
  );
}
