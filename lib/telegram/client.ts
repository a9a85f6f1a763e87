import { sessions, TelegramClient } from "telegram";
import { sandboxClientOptions, sandboxSession } from "@/sandbox/client";
import { env } from "@/lib/env";
import { withDeadline } from "./deadline";
import { GramLogger } from "./logger";
import { telegramTarget } from "./target";

export type ClientOptions = {
  /** Home DC for a new (empty) session. */
  dcId?: number;
  /**
   * Flood waits up to this many seconds are slept through by GramJS. Interactive steps use 0 so the
   * admin sees the wait; background work passes a small value and reschedules longer waits itself.
   */
  floodSleepThreshold?: number;
};

/** One factory for every Telegram client the console makes, production or sandbox. */
export async function createTelegramClient(saved: string, options: ClientOptions = {}): Promise<TelegramClient> {
  const target = await telegramTarget();
  const { TELEGRAM_DEVICE_MODEL, TELEGRAM_SYSTEM_VERSION, TELEGRAM_APP_VERSION } = env();
  const common = {
    deviceModel: TELEGRAM_DEVICE_MODEL,
    systemVersion: TELEGRAM_SYSTEM_VERSION,
    appVersion: TELEGRAM_APP_VERSION,
    langCode: "en",
    systemLangCode: "en",
    baseLogger: new GramLogger(),
    floodSleepThreshold: options.floodSleepThreshold ?? 0,
    connectionRetries: 2,
    retryDelay: 500,
    requestRetries: 2,
    // Our own code decides when to reconnect (bounded, with backoff). autoReconnect: false alone does not
    // stop GramJS's sender from redialling a dropped socket once a second for ever; -1 retries makes it give up.
    autoReconnect: false,
    reconnectRetries: -1,
  };
  if (target.kind === "production") {
    const session = new sessions.StringSession(saved);
    return new TelegramClient(session, target.apiId, target.apiHash, common);
  }
  const session = sandboxSession(target.info, saved, options.dcId);
  return new TelegramClient(session, target.apiId, target.apiHash, { ...common, ...sandboxClientOptions(target.info) });
}

/** The session string to store (encrypted) after a step changed the client's key or DC. */
export function saveSession(client: TelegramClient): string {
  return (client.session as sessions.StringSession).save();
}

/** Connects within TELEGRAM_CONNECT_TIMEOUT_MS (a DC that answers -404 would otherwise hang connect()). */
export function connectClient(client: TelegramClient): Promise<void> {
  return withDeadline(client.connect().then(() => undefined), env().TELEGRAM_CONNECT_TIMEOUT_MS);
}
