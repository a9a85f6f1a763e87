"use client";

import { useEffect, useState } from "react";

/**
 * The current time, refreshed every `intervalMs`, for countdowns and "3 min ago" labels. `initial` (the time the
 * server rendered at) makes the first render match server-rendered HTML.
 */
export function useNow(intervalMs = 1000, initial?: number): number {
  const [now, setNow] = useState(() => initial ?? Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
