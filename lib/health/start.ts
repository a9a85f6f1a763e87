import type { DbOrTx } from "@/db";
import { HealthMonitor } from "./monitor";

const holder = globalThis as typeof globalThis & { __healthMonitor?: HealthMonitor };

/** The process's monitor, started once (development hot reloads run boot again). */
export function startHealthMonitor(db: DbOrTx): HealthMonitor {
  if (!holder.__healthMonitor) {
    holder.__healthMonitor = new HealthMonitor(db);
    holder.__healthMonitor.start();
  }
  return holder.__healthMonitor;
}
