import { Counter, Histogram } from "prom-client";
import { metric } from "./registry";

/** Calls services made through the console, by outcome ("ok" or the API error code). */
export const invokeCallsTotal = () =>
  metric(
    "tsc_invoke_calls_total",
    (registry) =>
      new Counter({
        name: "tsc_invoke_calls_total",
        help: "Telegram calls made through POST /api/v1/sessions/{id}/invoke, by outcome",
        labelNames: ["outcome"],
        registers: [registry],
      }),
  );

export const invokeDuration = () =>
  metric(
    "tsc_invoke_duration_seconds",
    (registry) =>
      new Histogram({
        name: "tsc_invoke_duration_seconds",
        help: "Time of one call through the console, queueing and connecting included",
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
        registers: [registry],
      }),
  );
