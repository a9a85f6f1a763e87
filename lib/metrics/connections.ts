import { Gauge } from "prom-client";
import { metric } from "./registry";

const liveConnections = () =>
  metric(
    "tsc_telegram_connections",
    (registry) =>
      new Gauge({
        name: "tsc_telegram_connections",
        help: "Telegram connections this process holds open",
        registers: [registry],
      }),
  );

export function refreshConnectionGauge(connected: number): void {
  liveConnections().set(connected);
}
