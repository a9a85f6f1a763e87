import type { SessionEventItem } from "@/lib/api/schemas/session-events";
import { formatPrecise, untrustedText } from "@/components/format";

const text = (value: unknown) =>
  typeof value === "string" || typeof value === "number" ? untrustedText(String(value)) : undefined;
const moment = (value: unknown) =>
  typeof value === "string" && !Number.isNaN(Date.parse(value)) ? formatPrecise(value) : undefined;

/** One line per event, from the detail the monitor and the connection manager write (db/schema/session-events.ts). */
export function eventTitle(event: SessionEventItem): string {
  const d = event.detail ?? {};
  switch (event.kind) {
    case "check": {
      const change = d.from !== d.to && d.from && d.to ? ` — state ${text(d.from)} → ${text(d.to)}` : "";
      return `Check: ${text(d.result) ?? "unknown"}${change}`;
    }
    case "connection":
      return `Connection ${text(d.state) ?? "changed"}${d.reason ? ` (${text(d.reason)})` : ""}`;
    case "flood_wait":
      return `Flood wait of ${text(d.seconds) ?? "?"} s on ${text(d.method) ?? "a method"}`;
    default:
      return event.kind.replace(/_/g, " ");
  }
}

/** The evidence behind the line: error code and class, timings, attempts. */
export function eventFacts(event: SessionEventItem): [string, string][] {
  const d = event.detail ?? {};
  const facts: [string, string | undefined][] = [
    ["Error", text(d.errorCode)],
    ["Class", text(d.errorClass)],
    ["Method", event.kind === "flood_wait" ? undefined : text(d.method)],
    ["Connect", d.connectMs == null ? undefined : `${text(d.connectMs)} ms`],
    ["Request", d.requestMs == null ? undefined : `${text(d.requestMs)} ms`],
    ["Latency", event.latencyMs === null || d.requestMs != null ? undefined : `${event.latencyMs} ms`],
    ["Attempt", text(d.attempt)],
    ["Retry in", d.delayMs == null ? undefined : `${text(d.delayMs)} ms`],
    ["Connected for", d.connectedForMs == null ? undefined : `${Math.round(Number(d.connectedForMs) / 1000)} s`],
    ["Answer at", event.kind === "check" ? moment(d.at) : undefined],
    ["Until", moment(d.until)],
  ];
  return facts.filter((fact): fact is [string, string] => fact[1] !== undefined);
}

/** A check that moved the session to another state: the timeline marks it. */
export const isStateChange = (event: SessionEventItem) =>
  event.kind === "check" && event.detail?.from !== event.detail?.to;
