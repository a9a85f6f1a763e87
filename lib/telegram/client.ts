import { helpers, sessions, TelegramClient } from "telegram";
import { AuthKey } from "telegram/crypto/AuthKey.js";
import { sandboxClientOptions, sandboxSession } from "@/sandbox/client";
import { env } from "@/lib/env";
import { createAuthKey, type AuthKeyTarget } from "./auth-key-worker";
import { withDeadline } from "./deadline";
import { GramLogger } from "./logger";
import { telegramTarget } from "./target";

// GramJS's connect attempts and the pause between them; a fresh key's exchange is retried the same way.
const connectionRetries = 2;
const retryDelay = 500;

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
    connectionRetries,
    retryDelay,
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

// GramJS's sender keeps the salt in its (untyped) MTProto state.
type SaltedSender = { _state: { salt: ReturnType<typeof helpers.returnBigInt> } };
const senderOf = (client: TelegramClient) => client._sender as unknown as SaltedSender | undefined;

/** The server salt the client's connection uses (a signed 64-bit integer as text); undefined before the DC named one. */
export function serverSaltOf(client: TelegramClient): string | undefined {
  const salt = senderOf(client)?._state.salt;
  return salt && !salt.isZero() ? salt.toString() : undefined;
}

/**
 * GramJS opens every connection with salt 0 (a StringSession keeps none), which the DC answers with
 * bad_server_salt before the first request is sent again: one more round trip per connect. Starting with the
 * salt the last connection learned saves it while the DC still accepts that salt; a stale one costs what none
 * does. GramJS makes its sender inside connect(), so the salt is set the moment the sender is assigned.
 */
function presetServerSalt(client: TelegramClient, salt: string): void {
  const host = client as unknown as { _sender?: unknown };
  if (host._sender) return;
  Object.defineProperty(host, "_sender", {
    configurable: true,
    enumerable: true,
    get: () => undefined,
    set(sender: SaltedSender) {
      sender._state.salt = helpers.returnBigInt(salt);
      Object.defineProperty(host, "_sender", { value: sender, writable: true, configurable: true, enumerable: true });
    },
  });
}

/**
 * Connects within TELEGRAM_CONNECT_TIMEOUT_MS (a DC that answers -404 would otherwise hang connect()). A session
 * without an auth key gets one from the key-exchange worker first, so GramJS skips its own exchange, which would
 * otherwise run on this thread. `serverSalt`: the salt the session's last connection learned (serverSaltOf).
 */
export async function connectClient(client: TelegramClient, serverSalt?: string): Promise<void> {
  const deadline = new AbortController();
  const connect = async () => {
    await client._initSession();
    if (!client.session.getAuthKey()?.getKey()) await giveFreshAuthKey(client, deadline.signal);
    if (serverSalt) presetServerSalt(client, serverSalt);
    await client.connect();
  };
  try {
    await withDeadline(connect(), env().TELEGRAM_CONNECT_TIMEOUT_MS);
  } finally {
    deadline.abort();
  }
}

async function giveFreshAuthKey(client: TelegramClient, signal: AbortSignal): Promise<void> {
  const made = await createAuthKey(await keyExchangeTarget(client.session), signal);
  const authKey = new AuthKey();
  await authKey.setKey(made.key);
  client.session.setAuthKey(authKey);
}

/** The DC the session is homed on, dialled where GramJS would dial it. */
async function keyExchangeTarget(session: TelegramClient["session"]): Promise<AuthKeyTarget> {
  const target = await telegramTarget();
  const attempts = { dcId: session.dcId, retries: connectionRetries, retryDelayMs: retryDelay };
  // GramJS dials port 80 over TCP whatever port a session stores (443 is for WSS, which the console does not use).
  if (target.kind === "production") return { host: session.serverAddress, port: 80, ...attempts };
  const dc = target.info.dcs.find((d) => d.id === session.dcId);
  if (!dc) throw new Error(`the sandbox has no DC ${session.dcId}`);
  const { rsaPublicKeyPem: pem, fingerprint } = target.info;
  return { host: dc.host, port: dc.port, rsaKey: { pem, fingerprint }, ...attempts };
}
