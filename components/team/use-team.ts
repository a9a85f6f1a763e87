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

/** A change to one member: PATCH its fields, or DELETE the member or its sign-ins. */
export type MemberRequest = { method: "PATCH"; change: MemberChange } | { method: "DELETE"; path: "" | "/sign-ins" };

export function useMemberRequest() {
  return useInvalidatingMutation(({ id, request }: { id: string; request: MemberRequest }) => {
    const member = `${membersPath}/${encodeURIComponent(id)}`;
    return request.method === "PATCH"
      ? apiFetch<MemberItem>(member, { method: "PATCH", body: request.change })
      : apiFetch<unknown>(`${member}${request.path}`, { method: "DELETE" });
  });
}
