import { fmt, median, type Figure } from "../bench/figure";
import { soakLimits, type SoakConfig } from "./config";
import type { LoginFigures } from "./logins";
import type { Sample } from "./sampler";
import type { SessionOutcome } from "./session-outcome";
import type { Tally } from "./tally";

export type SoakRun = {
  config: SoakConfig;
  samples: Sample[];
  api: Tally;
  logins: LoginFigures;
  outcome: SessionOutcome;
  sessionsSeeded: number;
  runnerLoop: { maxMs: number; p99Ms: number };
};

const mib = (bytes: number) => `${fmt(bytes / 2 ** 20, 0)} MiB`;

/** Median of `value` over the samples in the `windowSeconds` ending at `at` (one sample is at the mercy of a GC). */
function around(samples: Sample[], at: number, value: (s: Sample) => number, windowSeconds = 10): number {
  return median(samples.filter((s) => s.atSeconds > at - windowSeconds && s.atSeconds <= at).map(value));
}

/** The issue's pass/fail figures (0 errors, RSS growth < 10 % after warm-up, no stall ≥ 200 ms) and what explains them. */
export function soakFigures(run: SoakRun): Figure[] {
  const { config, samples, api, logins, outcome } = run;
  const requests = api.summary();
  const errors = requests.errors + logins.failed;
  const last = samples.at(-1)?.atSeconds ?? 0;
  const warm = around(samples, config.warmUpSeconds, (s) => s.rssBytes);
  const end = around(samples, last, (s) => s.rssBytes);
  // The heap is a saw (100–360 MiB between collections); its floor after a collection is what a leak raises.
  const heapFloor = (at: number) =>
    Math.min(...samples.filter((s) => s.atSeconds > at - 60 && s.atSeconds <= at).map((s) => s.heapUsedBytes));
  const connections = (at: number) =>
    fmt(
      around(samples, at, (s) => s.telegramConnections),
      0,
    );
  const growth = end / warm - 1;
  const maxStall = Math.max(...samples.map((s) => s.lagMaxMs));
  const maxStallAfterWarmUp = Math.max(
    ...samples.filter((s) => s.atSeconds > config.warmUpSeconds).map((s) => s.lagMaxMs),
  );
  const invalid = outcome.byStatus.invalid ?? 0;
  const checks = outcome.checksPerSession;
  const enoughIntervals = config.seconds >= 3 * config.healthCheckIntervalSeconds;
  const failures = Object.entries(requests.failures)
    .map(([what, n]) => `${n}× ${what}`)
    .join("; ");
  return [
    {
      part: "soak",
      name: "Errors (non-2xx, network, failed logins)",
      target: "0",
      measured: String(errors),
      pass: errors <= soakLimits.maxErrors,
      note: `${requests.requests} requests, p50 ${fmt(requests.p50Ms, 0)} ms, p99 ${fmt(requests.p99Ms, 0)} ms${failures ? `; ${failures}` : ""}`,
    },
    {
      part: "soak",
      name: "Logins finished (phone → code → 2FA)",
      target: "all",
      measured: `${logins.finished} of ${logins.started}`,
      pass: logins.started > 0 && logins.failed === 0,
      note: `p50 ${fmt(logins.p50Ms / 1000, 1)} s, p99 ${fmt(logins.p99Ms / 1000, 1)} s per login`,
    },
    {
      part: "soak",
      name: "Sessions turned invalid",
      target: "0",
      measured: String(invalid),
      pass: invalid <= soakLimits.maxInvalidSessions,
      note: `by state at the end: ${Object.entries(outcome.byStatus)
        .map(([s, n]) => `${s} ${n}`)
        .join(", ")}`,
    },
    {
      part: "soak",
      name: "Health checks per seeded session",
      target: enoughIntervals ? "≥ 2" : "reported",
      measured: `min ${checks.min}, median ${checks.median}`,
      pass: enoughIntervals ? checks.min >= 2 : null,
      note: `${run.sessionsSeeded} sessions, HEALTH_CHECK_INTERVAL_SECONDS=${config.healthCheckIntervalSeconds}`,
    },
    {
      part: "soak",
      name: "RSS growth after warm-up",
      target: "< 10 %",
      measured: `${fmt(growth * 100, 1)} %`,
      pass: growth < soakLimits.maxRssGrowth,
      note: `${mib(warm)} at ${config.warmUpSeconds} s → ${mib(end)} at ${fmt(last, 0)} s (median of the samples in the 10 s before each); peak ${mib(Math.max(...samples.map((s) => s.rssBytes)))}; V8 heap floor (lowest in the minute before) ${mib(heapFloor(config.warmUpSeconds))} → ${mib(heapFloor(last))}; open Telegram connections ${connections(config.warmUpSeconds)} → ${connections(last)}`,
    },
    {
      part: "soak",
      name: "Max event-loop stall",
      target: "< 200 ms",
      measured: `${fmt(maxStall, 0)} ms`,
      pass: maxStall < soakLimits.maxEventLoopStallMs,
      note: `${samples.filter((s) => s.lagMaxMs >= soakLimits.maxEventLoopStallMs).length} of ${samples.length} samples ≥ ${soakLimits.maxEventLoopStallMs} ms; after warm-up ${fmt(maxStallAfterWarmUp, 0)} ms; worst p99 of a ${fmt(config.sampleEveryMs / 1000, 0)} s window ${fmt(Math.max(...samples.map((s) => s.lagP99Ms)), 0)} ms`,
    },
    {
      part: "soak",
      name: "Soak runner's own event-loop delay (machine yardstick)",
      target: "reported",
      measured: `max ${fmt(run.runnerLoop.maxMs, 0)} ms, p99 ${fmt(run.runnerLoop.p99Ms, 0)} ms`,
      pass: null,
      note: "the load generator does little work: delay here is the shared CPUs, not the console",
    },
  ];
}
