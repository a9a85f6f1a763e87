import pino from "pino";

/** Keys whose values never reach a log line, wherever they sit in the logged object. */
export const redactedKeys = [
  "password", "newPassword", "currentPassword", "token", "setupToken", "authorization", "cookie",
  "sessionString", "session", "authKey", "code", "phoneCodeHash", "secret", "key", "keys",
];

const redactPaths = redactedKeys.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

export const log = pino({
  level: process.env.LOG_LEVEL ?? "info",
  redact: { paths: redactPaths, censor: "[redacted]" },
  base: { service: "console" },
});

export type Logger = typeof log;
