import { Counter, Gauge } from "prom-client";
import { metric } from "@/lib/metrics/registry";

export type DeliveryOutcome = "delivered" | "retry" | "rejected" | "refused" | "gave_up";

export const alertsDeliveredTotal = () =>
  metric(
    "tsc_alerts_delivered_total",
    (registry) =>
      new Counter({
        name: "tsc_alerts_delivered_total",
        help: "Alert delivery attempts by channel kind and outcome",
        labelNames: ["channel_kind", "outcome"],
        registers: [registry],
      }),
  );

export const alertOutboxAge = () =>
  metric(
    "tsc_alerts_outbox_age_seconds",
    (registry) =>
      new Gauge({
        name: "tsc_alerts_outbox_age_seconds",
        help: "How long the oldest alert event not yet dispatched has waited",
        registers: [registry],
      }),
  );
