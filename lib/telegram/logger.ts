import { Logger } from "telegram";
import { LogLevel } from "telegram/extensions/Logger.js";
import { log } from "@/lib/log";

const gramLog = log.child({ component: "gramjs" });
// Long hex or base64 runs in GramJS's debug output can be key material; they never reach our logs.
const keyLike = /[A-Za-z0-9+/=_-]{32,}/g;

export function scrubSecrets(message: string): string {
  return message.replace(keyLike, "[redacted]");
}

/** GramJS's logger routed into the project's structured logger. */
export class GramLogger extends Logger {
  constructor() {
    super(log.isLevelEnabled("debug") ? LogLevel.DEBUG : LogLevel.WARN);
  }

  override log(level: LogLevel, message: string): void {
    const text = scrubSecrets(String(message));
    // GramJS warns about routine events ("Disconnecting..."); its errors are the ones that matter.
    if (level === LogLevel.ERROR) gramLog.error(text);
    else if (level === LogLevel.WARN) gramLog.info(text);
    else gramLog.debug(text);
  }
}
