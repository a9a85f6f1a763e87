import { Counter, Gauge, Histogram } from "prom-client";
import type { DbOrTx } from "@/db";
import { countSessionsByStatus } from "@/db/queries/session-health";
import { sessionStatusEnum } from "@/db/schema";
import type { CheckResultKind } from "@/db/schema";
import { metric } from "./registry";

export const checksTotal = () =>
  metric(
    "tsc_health_checks_total",
    (registry) =>
      new Counter({
        name: "tsc_health_checks_total",
        help: "Health checks by result",
        labelNames: ["result"],
        registers: [registry],
      }),
  );

export const checkDuration = () =>
  metric(
    "tsc_health_check_duration_seconds",
    (registry) =>
      new Histogram({
        name: "tsc_health_check_duration_seconds",
        help: "Time of one health check (connect and probe request)",
        buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
        registers: [registry],
      }),
  );

export const floodWaitsTotal = () =>
  metric(
    "tsc_flood_waits_total",
    (registry) =>
      new Counter({
        name: "tsc_flood_waits_total",
        help: "FLOOD_WAIT answers from Telegram, by method",
        labelNames: ["method"],
        registers: [registry],
      }),
  );

const sessionsByStatus = () =>
  metric(
    "tsc_sessions",
    (registry) =>
      new Gauge({
        name: "tsc_sessions",
        help: "Telegram sessions by state",
        labelNames: ["status"],
        registers: [registry],
      }),
  );

export function recordCheck(result: CheckResultKind, seconds: number): void {
  checksTotal().inc({ result });
  checkDuration().observe(seconds);
}

/** Sets the sessions gauge from one grouped query, at scrape time. */
export async function refreshSessionGauge(db: DbOrTx): Promise<void> {
  const counts = await countSessionsByStatus(db);
  const gauge = sessionsByStatus();
  for (const status of sessionStatusEnum.enumValues) gauge.set({ status }, counts.get(status) ?? 0);
}
