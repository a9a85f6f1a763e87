import { sampleValue } from "./prometheus-text";
import type { Tally } from "./tally";

/** One scrape of the console's /api/metrics: seconds since the load began, resident memory, event-loop delay since the last scrape. */
export type Sample = {
  atSeconds: number;
  rssBytes: number;
  heapUsedBytes: number;
  telegramConnections: number;
  lagMaxMs: number;
  lagP99Ms: number;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** prom-client 15 resets its event-loop delay histogram on each scrape, so each sample's max covers the time since the one before. */
export async function scrape(
  baseUrl: string,
  metricsToken: string,
  tally: Tally,
  since: number,
): Promise<Sample | undefined> {
  const sent = performance.now();
  try {
    const response = await fetch(`${baseUrl}/api/metrics`, {
      headers: { authorization: `Bearer ${metricsToken}` },
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    if (!response.ok) {
      tally.fail(`GET /api/metrics → ${response.status}`);
      return undefined;
    }
    tally.ok(performance.now() - sent);
    return {
      atSeconds: (performance.now() - since) / 1000,
      rssBytes: sampleValue(text, "tsc_process_resident_memory_bytes"),
      heapUsedBytes: sampleValue(text, "tsc_nodejs_heap_size_used_bytes"),
      telegramConnections: sampleValue(text, "tsc_telegram_connections"),
      lagMaxMs: sampleValue(text, "tsc_nodejs_eventloop_lag_max_seconds") * 1000,
      lagP99Ms: sampleValue(text, "tsc_nodejs_eventloop_lag_p99_seconds") * 1000,
    };
  } catch (error) {
    tally.fail(`GET /api/metrics → ${error instanceof Error ? error.name : "network error"}`);
    return undefined;
  }
}

/** Scrapes every `everyMs` into `samples` until `running()` is false. */
export async function sample(
  baseUrl: string,
  metricsToken: string,
  everyMs: number,
  tally: Tally,
  since: number,
  running: () => boolean,
  samples: Sample[],
): Promise<void> {
  while (running()) {
    await sleep(everyMs);
    const taken = await scrape(baseUrl, metricsToken, tally, since);
    if (taken) samples.push(taken);
  }
}
