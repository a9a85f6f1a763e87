import { z } from "zod";
import { parseTrustedProxies } from "./trusted-proxies";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "DATABASE_URL must be a postgres:// URL" }).optional(),
  DATABASE_RELAY: z.enum(["auto", "on", "off"]).default("auto"),
  DATA_DIR: z.string().min(1).default(".data"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  TELEGRAM_API_ID: z.coerce.number().int().positive().optional(),
  TELEGRAM_API_HASH: z
    .string()
    .regex(/^[0-9a-f]{32}$/, "TELEGRAM_API_HASH must be the 32-character hex hash from my.telegram.org")
    .optional(),
  TELEGRAM_SANDBOX_URL: z.url({ protocol: /^https?$/ }).optional(),
  TELEGRAM_DEVICE_MODEL: z.string().min(1).max(64).default("Telegram Session Console"),
  TELEGRAM_SYSTEM_VERSION: z.string().min(1).max(64).default("Linux"),
  TELEGRAM_APP_VERSION: z.string().min(1).max(32).default("1.0.0"),
  TELEGRAM_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(500).max(120_000).default(10_000),
  TELEGRAM_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(500).max(300_000).default(30_000),
  /** Flood waits up to this many seconds are slept through; longer ones reschedule the work. */
  TELEGRAM_FLOOD_SLEEP_SECONDS: z.coerce.number().int().min(0).max(300).default(10),
  /** Telegram calls (connects and requests) in flight at once in this process, over all sessions. */
  TELEGRAM_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(32),
  /** A connected client with nothing to do is disconnected after this long. */
  TELEGRAM_IDLE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  /** How long a process holds a session's connection lease without renewing it (renewed while connected). */
  TELEGRAM_LEASE_SECONDS: z.coerce.number().int().min(5).max(600).default(60),
  /** Connect attempts on network errors, with exponential backoff and jitter between them. */
  TELEGRAM_CONNECT_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
  /** "off" keeps the health monitor out of the console process (run `npm run worker` instead, or none). */
  HEALTH_MONITOR: z.enum(["on", "off"]).default("on"),
  /** `off` never sends admins to add a second factor, whatever Settings says. Unsafe: for test setups only. */
  REQUIRE_ADMIN_MFA: z.enum(["on", "off"]).default("on"),
  HEALTH_CHECK_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(86_400).default(300),
  /** First retry delay of a degraded session; doubles per failed check, capped at the check interval. */
  HEALTH_RETRY_BASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** Sessions one monitor checks at once. */
  HEALTH_MONITOR_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(16),
  /** How often a monitor looks for due sessions and beats its heartbeat. */
  HEALTH_MONITOR_POLL_SECONDS: z.coerce.number().int().min(1).max(600).default(15),
  /** How often a session's authorization_ttl_days is read again for the expiry forecast. */
  HEALTH_TTL_REFRESH_HOURS: z.coerce.number().int().min(1).max(720).default(24),
  /** Session events (checks, connections, flood waits) older than this are deleted by the maintenance pass. */
  HEALTH_EVENTS_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** Calls made through `POST /api/v1/sessions/{id}/invoke` older than this are deleted by the maintenance pass. */
  CALL_LOG_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** A bearer token that may read /api/metrics (for Prometheus); unset: admins and admin API tokens only. */
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
  /** `npm run worker` serves its own /metrics on this port (needs METRICS_TOKEN); unset: no listener. */
  WORKER_METRICS_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
  /** The address that listener binds: loopback unless an operator opens it to a network on purpose. */
  WORKER_METRICS_HOST: z.string().min(1).default("127.0.0.1"),
  /** A console sign-in ends this long after it was made, however active its browser is. */
  SESSION_MAX_AGE_HOURS: z.coerce.number().min(0.25).max(720).default(12),
  /** A console sign-in ends after this long without a page opened or a change made (background refreshes do not count). */
  SESSION_IDLE_MINUTES: z.coerce.number().min(1).max(43_200).default(30),
  /** Peers whose X-Forwarded-For is believed (comma-separated CIDRs); unset: nobody's, the socket's peer is the client. */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((text, ctx) => {
      try {
        return parseTrustedProxies(text);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
        return z.NEVER;
      }
    }),
  /** session.expiring fires when a session's forecast expiry comes within this many days. */
  ALERT_EXPIRING_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  /** session.flood_wait fires for a FLOOD_WAIT at least this long. */
  ALERT_FLOOD_WAIT_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  /** An alert of a session and kind sent less than this long ago folds the next ones into a count. */
  ALERT_COOLDOWN_MINUTES: z.coerce.number().min(0).max(1440).default(15),
  /** Retries of an undelivered alert stop this long after the event. */
  ALERT_RETRY_HOURS: z.coerce.number().min(0.01).max(168).default(24),
  /** One delivery attempt's deadline (connect, send, answer). */
  ALERT_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(120).default(10),
  /** Deliveries in flight at once per channel. */
  ALERT_CHANNEL_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(4),
  /** "on" lets webhook URLs be plain http and reach loopback, link-local and private addresses (tests, private networks). */
  ALERT_ALLOW_PRIVATE_URLS: z.enum(["on", "off"]).default("off"),
  /** The SMTP server email channels send through (smtp:// or smtps://, credentials in the URL). */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "SMTP_URL must be an smtp:// or smtps:// URL" }).optional(),
  ALERT_EMAIL_FROM: z.string().min(3).default("Telegram Session Console <alerts@localhost>"),
  /** The console's address, for links in alerts (e.g. https://console.example.com). */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /**
   * How often each account's device list is read and reconciled (device.foreign, sessions ended elsewhere): by the
   * first health check of one of its sessions once this long has passed, so the reads spread as the checks do.
   */
  RECONCILE_INTERVAL_MINUTES: z.coerce.number().min(0.05).max(10_080).default(30),
  HTTP_COMPRESSION: z.enum(["on", "off"]).default("off"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

/** Validated configuration; a bad value stops the process with a message naming the variable. */
export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid configuration: ${problems}`);
  }
  cached = parsed.data;
  return cached;
}

export function usesEmbeddedDatabase(): boolean {
  return !env().DATABASE_URL;
}
