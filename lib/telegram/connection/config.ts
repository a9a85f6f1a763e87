import { env } from "@/lib/env";

export type ConnectionConfig = {
  leaseSeconds: number;
  /** 0: disconnect as soon as the work is done. */
  idleMs: number;
  connectAttempts: number;
  connectBackoff: { baseMs: number; maxMs: number };
  requestTimeoutMs: number;
  floodSleepSeconds: number;
  /** Telegram calls in flight at once, over all sessions of the manager. */
  concurrency: number;
};

export function connectionConfig(overrides: Partial<ConnectionConfig> = {}): ConnectionConfig {
  const e = env();
  return {
    leaseSeconds: e.TELEGRAM_LEASE_SECONDS,
    idleMs: e.TELEGRAM_IDLE_SECONDS * 1000,
    connectAttempts: e.TELEGRAM_CONNECT_ATTEMPTS,
    connectBackoff: { baseMs: 500, maxMs: 8_000 },
    requestTimeoutMs: e.TELEGRAM_REQUEST_TIMEOUT_MS,
    floodSleepSeconds: e.TELEGRAM_FLOOD_SLEEP_SECONDS,
    concurrency: e.TELEGRAM_CONCURRENCY,
    ...overrides,
  };
}
