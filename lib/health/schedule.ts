import { backoffMs } from "@/lib/telegram/connection/backoff";

/** ±10 % around the interval, so sessions added together do not stay in lock-step forever. */
export function nextRegularCheck(now: Date, intervalSeconds: number, random: () => number = Math.random): Date {
  const ms = intervalSeconds * 1000 * (0.9 + 0.2 * random());
  return new Date(now.getTime() + ms);
}

/** A degraded session is retried sooner: base · 2^(failures-1), jittered, never later than the regular interval. */
export function nextRetry(
  now: Date,
  failures: number,
  baseSeconds: number,
  intervalSeconds: number,
  random: () => number = Math.random,
): Date {
  return new Date(now.getTime() + backoffMs(failures - 1, baseSeconds * 1000, intervalSeconds * 1000, random));
}

/** After a flood wait: just past its end, spread a little so waits that end together do not stampede. */
export function afterWait(until: Date, random: () => number = Math.random): Date {
  return new Date(until.getTime() + 1000 + random() * 4000);
}
