import { Logger } from "telegram";
import { LogLevel } from "telegram/extensions/Logger.js";
import { log } from "@/lib/log";

const gramLog = log.child({ component: "gramjs" });
// Long hex or base64 runs in GramJS's debug output can be key material; they never reach our logs.
const keyLike = /[A-Za-z0-9+/=_-]{32,}/g;

export function scrubSecrets(message: string): string {
  return message.replace(keyLike, "[redacted]");
}

/**
 * GramJS's logger routed into the project's structured logger. GramJS warns about routine transport events
 * ("Disconnecting...", "Connection closed while receiving data") on every connection it closes: that is debug
 * chatter, and the log at info tells what the console did. Its errors still come through as errors.
 */
export class GramLogger extends Logger {
  constructor() {
    super(log.isLevelEnabled("debug") ? LogLevel.DEBUG : LogLevel.ERROR);
  }

  override log(level: LogLevel, message: string): void {
    const text = scrubSecrets(String(message));
    if (level === LogLevel.ERROR) gramLog.error(text);
    else gramLog.debug(text);
  }
}
