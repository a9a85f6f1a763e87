import { numberAfter, runTsx } from "../child";
import { fmt, type Figure } from "../figure";

/**
 * Alerts (scripts/bench/alerts/alert-delivery.ts): a session revoked at the sandbox to its signed webhook, median of
 * 20 with a 10 s check interval; and the outbox with 1,000 sessions flapping (10,000 events).
 */
export async function alertsBench(): Promise<Figure[]> {
  const output = await runTsx(["scripts/bench/alerts/alert-delivery.ts", "20", "1000"]);
  const interval = numberAfter(output, /check interval/);
  const max = numberAfter(output, /revoke-to-webhook max/);
  return [
    {
      part: "alerts",
      name: "Revoked at Telegram → webhook received, median of 20",
      target: `max ≤ one check interval (${interval} s) + 2 s`,
      measured: `${fmt(numberAfter(output, /revoke-to-webhook median/), 2)} s`,
      pass: max <= interval + 2,
      note: `p90 ${fmt(numberAfter(output, /revoke-to-webhook p90/), 2)} s, max ${fmt(max, 2)} s; ${numberAfter(output, /arrived/)} of 20 arrived`,
    },
    {
      part: "alerts",
      name: "Outbox, 1,000 sessions flapping: events dispatched per second",
      target: "—",
      measured: `${fmt(numberAfter(output, /outbox dispatched per second/), 0)} /s`,
      pass: null,
      note: `${numberAfter(output, /outbox events/)} events, ${numberAfter(output, /outbox delivered/)} deliveries (the rest folded by the cooldown); embedded database`,
    },
    {
      part: "alerts",
      name: "Outbox, 1,000 sessions flapping: deliveries sent per second",
      target: "—",
      measured: `${fmt(numberAfter(output, /outbox deliveries per second/), 0)} /s`,
      pass: null,
      note: `all ${numberAfter(output, /outbox events/)} events dispatched and delivered in ${fmt(numberAfter(output, /outbox seconds/))} s`,
    },
  ];
}
