/** The soak's shape, from the environment: `SOAK_SECONDS=60 npm run test:soak:load` for a short run. */
function setting(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got ${raw}`);
  return value;
}

export const soakConfig = {
  seconds: setting("SOAK_SECONDS", 300),
  warmUpSeconds: setting("SOAK_WARM_UP_SECONDS", 60),
  clients: setting("SOAK_CLIENTS", 50),
  sessions: setting("SOAK_SESSIONS", 1000),
  /** Pause of each API client between answers (a dashboard or script, not a flood). */
  thinkMs: setting("SOAK_THINK_MS", 200),
  /** One login starts this often (phone → code → 2FA password through the HTTP API). */
  loginEveryMs: setting("SOAK_LOGIN_EVERY_MS", 3000),
  sampleEveryMs: setting("SOAK_SAMPLE_EVERY_MS", 2000),
  healthCheckIntervalSeconds: setting("SOAK_HEALTH_CHECK_INTERVAL_SECONDS", 60),
};

/** Pass/fail limits from issue 8. */
export const soakLimits = { maxRssGrowth: 0.1, maxEventLoopStallMs: 200, maxErrors: 0, maxInvalidSessions: 0 };

export type SoakConfig = typeof soakConfig;
