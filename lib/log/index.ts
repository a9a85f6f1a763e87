import pino from "pino";
import { safeError } from "./safe-error";

/** Keys whose values never reach a log line, wherever they sit in the logged object. */
export const redactedKeys = [
  "password",
  "newPassword",
  "currentPassword",
  "token",
  "setupToken",
  "authorization",
  "cookie",
  "sessionString",
  "session",
  "authKey",
  "code",
  "phoneCodeHash",
  "secret",
  "key",
  "keys",
];

const redactPaths = redactedKeys.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

/** Errors keep their kind, message, SQL state and stack only (see safe-error.ts). */
export function serializeError(error: unknown): unknown {
  return error instanceof Error ? safeError(error) : error;
}

export const log = pino({
  level: process.env.LOG_LEVEL ?? "info",
  redact: { paths: redactPaths, censor: "[redacted]" },
  serializers: { err: serializeError },
  base: { service: "console" },
});

export type Logger = typeof log;
