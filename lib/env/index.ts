import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "DATABASE_URL must be a postgres:// URL" }).optional(),
  DATABASE_RELAY: z.enum(["auto", "on", "off"]).default("auto"),
  DATA_DIR: z.string().min(1).default(".data"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  TELEGRAM_API_ID: z.coerce.number().int().positive().optional(),
  TELEGRAM_API_HASH: z.string().regex(/^[0-9a-f]{32}$/, "TELEGRAM_API_HASH must be the 32-character hex hash from my.telegram.org").optional(),
  TELEGRAM_SANDBOX_URL: z.url({ protocol: /^https?$/ }).optional(),
  TELEGRAM_DEVICE_MODEL: z.string().min(1).max(64).default("Telegram Session Console"),
  TELEGRAM_SYSTEM_VERSION: z.string().min(1).max(64).default("Linux"),
  TELEGRAM_APP_VERSION: z.string().min(1).max(32).default("1.0.0"),
  TELEGRAM_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(500).max(120_000).default(10_000),
  TELEGRAM_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(500).max(300_000).default(30_000),
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
