import { monitorEventLoopDelay } from "node:perf_hooks";

/**
 * This process's own event-loop delay during the load: the runner does little work, so a delay here is the machine
 * not scheduling it (other processes on shared cores), the yardstick for reading the server's figure.
 */
export function watchOwnLoopDelay(): { maxMs(): number; p99Ms(): number } {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  return { maxMs: () => histogram.max / 1e6, p99Ms: () => histogram.percentile(99) / 1e6 };
}
