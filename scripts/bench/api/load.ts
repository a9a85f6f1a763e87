import { percentile } from "../figure";

export type LoadResult = { requests: number; errors: number; perSecond: number; p50: number; p99: number };

/** `connections` loops on loopback, each sending the next GET when the last answered, for `seconds`. */
export async function loadTest(
  url: string,
  headers: Record<string, string>,
  connections = 32,
  seconds = 10,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  const loop = async () => {
    while (performance.now() < until) {
      const sent = performance.now();
      const response = await fetch(url, { headers }).catch(() => undefined);
      await response?.arrayBuffer();
      if (response?.ok) latencies.push(performance.now() - sent);
      else errors++;
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  const elapsed = (performance.now() - started) / 1000;
  return {
    requests: latencies.length,
    errors,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
  };
}
