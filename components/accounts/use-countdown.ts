"use client";

import { useEffect, useState } from "react";

/** Whole seconds left until `until` (0 once it has passed), ticking every second. */
export function useCountdown(until: string | Date | null | undefined): number {
  const target = until ? new Date(until).getTime() : 0;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (target <= Date.now()) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [target]);
  return Math.max(0, Math.ceil((target - now) / 1000));
}
