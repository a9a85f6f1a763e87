import { databaseHandle } from "@/db";
import { healthConfig } from "../config";
import { HealthMonitor } from "../monitor";

/**
 * One monitor process (as `npm run worker` runs it) doing one full sweep at the configured concurrency.
 * Prints its figures as one JSON line.
 */
async function main(): Promise<void> {
  const { db, close } = await databaseHandle();
  const monitor = new HealthMonitor(db, undefined, healthConfig());
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const started = performance.now();
  const sweep = await monitor.sweepOnce();
  const wallMs = Math.round(performance.now() - started);
  clearInterval(sampler);
  await monitor.stop();
  await monitor.manager.closeAll();
  await close();
  const maxRssBytes = process.resourceUsage().maxRSS * 1024;
  console.log(JSON.stringify({ wallMs, sweep, peakRssBytes: Math.max(peakRss, maxRssBytes), concurrency: monitor.config.concurrency }));
}

void main();
