import { sql } from "drizzle-orm";
import { databaseHandle } from "@/db";
import { telegramSessions } from "@/db/schema";
import { healthConfig } from "../config";
import { HealthMonitor } from "../monitor";

/**
 * One monitor process (as `npm run worker` runs it) doing one full sweep at the configured concurrency,
 * then a second sweep over the sessions still inside a flood wait, made due on purpose: the ledger must
 * keep every one of them from sending anything. Prints its figures as one JSON line.
 */
async function main(): Promise<void> {
  const { db, close } = await databaseHandle();
  const monitor = new HealthMonitor(db, undefined, healthConfig());
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const started = performance.now();
  const sweep = await monitor.sweepOnce();
  const wallMs = Math.round(performance.now() - started);
  await db.update(telegramSessions).set({ nextCheckAt: sql`now()` }).where(sql`${telegramSessions.floodWaitUntil} > now()`);
  const inWait = await monitor.sweepOnce();
  clearInterval(sampler);
  await monitor.stop();
  await monitor.manager.closeAll();
  await close();
  const maxRssBytes = process.resourceUsage().maxRSS * 1024;
  console.log(JSON.stringify({ wallMs, sweep, inWait, peakRssBytes: Math.max(peakRss, maxRssBytes), concurrency: monitor.config.concurrency }));
}

void main();
