import type { TelegramClient } from "telegram";
import { connectClient, createTelegramClient } from "../client";
import { classifyTelegramError, type TelegramFailure } from "../errors";
import { backoffMs, sleep } from "./backoff";
import type { ConnectionConfig } from "./config";
import type { ConnectionEventDetail } from "@/lib/health/events";
import type { Semaphore } from "./semaphore";

export type Connected = { client: TelegramClient; connectMs: number };

type ConnectDeps = {
  saved: () => string;
  config: ConnectionConfig;
  limiter: Semaphore;
  /** Wraps each new client before it is used (the invoke guard). */
  prepare(client: TelegramClient): void;
  record(detail: ConnectionEventDetail, latencyMs?: number): Promise<void>;
};

/**
 * Connects with bounded retries: only network failures are retried, after an exponential, jittered delay.
 * GramJS's own reconnect loop is off (the factory sets autoReconnect: false), so nothing else retries.
 */
export async function connectWithBackoff(deps: ConnectDeps): Promise<Connected> {
  const { connectAttempts, connectBackoff } = deps.config;
  let failure: TelegramFailure | undefined;
  for (let attempt = 1; attempt <= connectAttempts; attempt++) {
    if (failure) {
      const delayMs = backoffMs(attempt - 2, connectBackoff.baseMs, connectBackoff.maxMs);
      await deps.record({ state: "reconnecting", attempt, delayMs, errorCode: failure.code });
      await sleep(delayMs);
    }
    const client = await createTelegramClient(deps.saved(), { floodSleepThreshold: 0 });
    // autoReconnect: false does not stop GramJS's sender from reconnecting after a dropped socket, once a
    // second, for ever (reconnectRetries is unbounded by default). -1 makes it give up at the first loss;
    // the next use of the session reconnects here, with backoff.
    client._reconnectRetries = -1;
    deps.prepare(client);
    const started = performance.now();
    try {
      await deps.limiter.use(() => connectClient(client));
      const connectMs = Math.round(performance.now() - started);
      await deps.record({ state: "connected", attempt }, connectMs);
      return { client, connectMs };
    } catch (error) {
      await client.destroy().catch(() => undefined);
      failure = classifyTelegramError(error);
      if (failure.kind !== "transient") break;
    }
  }
  const final = failure ?? classifyTelegramError(undefined);
  await deps.record({ state: "failed", attempt: connectAttempts, errorCode: final.code });
  throw final;
}
