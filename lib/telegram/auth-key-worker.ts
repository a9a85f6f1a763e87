import { MessageWorker } from "@/lib/workers/message-worker";
import { TelegramFailure } from "./errors";

// A new session's auth-key exchange (pq factorisation in pure-JS big integers, RSA, 2048-bit DH) cost the
// console ~65 ms of its main thread per login and stalled the event loop 45–100 ms. Here GramJS's own
// Authenticator runs it in a worker thread, over its own plain sender and TCP-full connection to the DC,
// retrying a failed attempt the way GramJS's MTProtoSender.connect does. One worker serves the process.
// The key crosses threads in memory only.
const workerSource = `
const { parentPort } = require("node:worker_threads");
const { createPublicKey } = require("node:crypto");
const { helpers, extensions } = require("telegram");
const { LogLevel } = require("telegram/extensions/Logger");
const { _serverKeys } = require("telegram/crypto/RSA");
const { doAuthentication, MTProtoPlainSender, ConnectionTCPFull } = require("telegram/network");
const silent = new extensions.Logger(LogLevel.NONE);
const open = new Map();

function trust({ pem, fingerprint }) {
  const jwk = createPublicKey(pem).export({ format: "jwk" });
  const toBigInt = (b64) => BigInt("0x" + Buffer.from(b64, "base64url").toString("hex"));
  _serverKeys.set(fingerprint, { n: helpers.returnBigInt(toBigInt(jwk.n)), e: Number(toBigInt(jwk.e)) });
}

async function exchange(id, { host, port, dcId, retries, retryDelayMs }) {
  let lastError;
  for (let attempt = 0; attempt < retries && open.has(id); attempt++) {
    const connection = new ConnectionTCPFull({ ip: host, port, dcId, loggers: silent, socket: extensions.PromisedNetSockets });
    open.set(id, connection);
    try {
      await connection.connect();
      const { authKey, timeOffset } = await doAuthentication(new MTProtoPlainSender(connection, silent), silent);
      return { key: authKey.getKey(), timeOffset };
    } catch (error) {
      lastError = error;
      await helpers.sleep(retryDelayMs);
    } finally {
      await connection.disconnect();
    }
  }
  throw lastError ?? new Error("cancelled");
}

parentPort.on("message", ({ id, target, cancel }) => {
  if (cancel) {
    const connection = open.get(id);
    open.delete(id);
    return void connection?.disconnect();
  }
  open.set(id, undefined);
  if (target.rsaKey) trust(target.rsaKey);
  exchange(id, target).then(
    (made) => parentPort.postMessage({ id, ...made }),
    (error) => parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  ).finally(() => open.delete(id));
});`;

/** Where to make a key: a DC's real host and port, and for the sandbox the RSA key to trust besides Telegram's. */
export type AuthKeyTarget = {
  host: string;
  port: number;
  dcId: number;
  rsaKey?: { pem: string; fingerprint: string };
  /** Attempts (GramJS's connectionRetries) and the pause between them. */
  retries: number;
  retryDelayMs: number;
};

export type MadeAuthKey = { key: Buffer; timeOffset?: number };

// The worker's messages name GramJS's failure (a closed socket, a security check); what reaches callers is the
// console's own transient failure, the same one a connect that never completes gives.
const keyWorker = new MessageWorker<{ target: AuthKeyTarget }, { key: Uint8Array; timeOffset?: number }>(
  workerSource,
  () => new TelegramFailure("transient", "NETWORK"),
);

/**
 * A new auth key for `target`'s DC, made by GramJS's key exchange off the event loop. `signal` abandons it
 * (the worker closes its connection); the promise then rejects with the same transient failure.
 */
export async function createAuthKey(target: AuthKeyTarget, signal?: AbortSignal): Promise<MadeAuthKey> {
  const made = await keyWorker.ask({ target }, signal);
  return { key: Buffer.from(made.key), timeOffset: made.timeOffset };
}
