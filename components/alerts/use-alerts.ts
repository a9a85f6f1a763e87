"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api/client-fetch";
import type { ChannelItem, DeliveriesPage } from "@/lib/api/schemas/alerts";

const channelsPath = "/api/v1/alerts/channels";
const channelsKey = ["alert-channels"] as const;
const deliveriesKey = ["alert-deliveries"] as const;
const pageSize = 25;

export type NewChannel = Pick<ChannelItem, "kind" | "name" | "events" | "labels"> & { url?: string; to?: string[] };
export type CreatedChannel = { id: string; item: ChannelItem; secret?: string };

export function useChannels() {
  return useQuery({ queryKey: channelsKey, queryFn: () => apiFetch<{ items: ChannelItem[] }>(channelsPath) });
}

/** The delivery log, newest first, a page at a time; refreshed every few seconds while deliveries are pending. */
export function useDeliveries(channel: string) {
  return useInfiniteQuery({
    queryKey: [...deliveriesKey, channel],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => {
      const search = new URLSearchParams({ limit: String(pageSize) });
      if (pageParam) search.set("cursor", pageParam);
      if (channel) search.set("channel", channel);
      return apiFetch<DeliveriesPage>(`/api/v1/alerts/deliveries?${search}`);
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) => page.items.some((d) => d.status === "pending")) ? 3_000 : 30_000,
  });
}

/** A mutation that refreshes the channel list and the delivery log once it settles. */
function useAlertMutation<Vars, Result>(mutationFn: (vars: Vars) => Promise<Result>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: channelsKey });
      await client.invalidateQueries({ queryKey: deliveriesKey });
    },
  });
}

const channelPath = (id: string) => `${channelsPath}/${encodeURIComponent(id)}`;

export const useCreateChannel = () =>
  useAlertMutation((body: NewChannel) => apiFetch<CreatedChannel>(channelsPath, { method: "POST", body }));

export const usePauseChannel = () =>
  useAlertMutation(({ id, paused }: { id: string; paused: boolean }) =>
    apiFetch<{ item: ChannelItem }>(channelPath(id), { method: "PATCH", body: { paused } }),
  );

export const useDeleteChannel = () =>
  useAlertMutation((id: string) => apiFetch<{ id: string }>(channelPath(id), { method: "DELETE" }));

export const useTestChannel = () =>
  useAlertMutation((id: string) => apiFetch<{ deliveryId: string }>(`${channelPath(id)}/test`, { method: "POST" }));

export const useRedeliver = () =>
  useAlertMutation((id: string) =>
    apiFetch<{ id: string }>(`/api/v1/alerts/deliveries/${encodeURIComponent(id)}/redeliver`, { method: "POST" }),
  );
