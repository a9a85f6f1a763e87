import { env } from "@/lib/env";

export type HealthConfig = {
  intervalSeconds: number;
  retryBaseSeconds: number;
  ttlRefreshHours: number;
  concurrency: number;
  pollSeconds: number;
  /** How often an account's device list is read and reconciled (device.foreign, revoked elsewhere). */
  reconcileMinutes: number;
  /** session.expiring fires when the forecast comes within this many days. */
  expiringDays: number;
};

export function healthConfig(overrides: Partial<HealthConfig> = {}): HealthConfig {
  const e = env();
  return {
    intervalSeconds: e.HEALTH_CHECK_INTERVAL_SECONDS,
    retryBaseSeconds: e.HEALTH_RETRY_BASE_SECONDS,
    ttlRefreshHours: e.HEALTH_TTL_REFRESH_HOURS,
    concurrency: e.HEALTH_MONITOR_CONCURRENCY,
    pollSeconds: e.HEALTH_MONITOR_POLL_SECONDS,
    reconcileMinutes: e.RECONCILE_INTERVAL_MINUTES,
    expiringDays: e.ALERT_EXPIRING_DAYS,
    ...overrides,
  };
}
