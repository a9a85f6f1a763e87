import pino from "pino";

/** Keys whose values never reach a log line, wherever they sit in the logged object. */
export const redactedKeys = [
  "password", "newPassword", "currentPassword", "token", "setupToken", "authorization", "cookie",
  "sessionString", "session", "authKey", "code", "phoneCodeHash", "secret", "key", "keys",
];

const redactPaths = redactedKeys.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

/**
 * Errors keep their kind, message and stack only: driver errors also carry the failed statement's
 * parameters (a password hash, a ciphertext) and Postgres' detail with row values, which stay out of logs.
 */
export function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const sqlState = (error as { code?: unknown }).code;
  return { type: error.name, message: error.message, ...(typeof sqlState === "string" ? { sqlState } : {}), stack: error.stack };
}

export const log = pino({
  level: process.env.LOG_LEVEL ?? "info",
  redact: { paths: redactPaths, censor: "[redacted]" },
  serializers: { err: serializeError },
  base: { service: "console" },
});

export type Logger = typeof log;
