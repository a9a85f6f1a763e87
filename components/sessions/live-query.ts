/**
 * Health pages poll: every 5 s while the tab is visible (TanStack Query pauses interval refetches in
 * hidden tabs), and at once when the tab comes back.
 */
export const liveQuery = {
  refetchInterval: 5_000,
  refetchIntervalInBackground: false,
  refetchOnWindowFocus: true,
} as const;
