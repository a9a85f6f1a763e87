import type { TelegramClient } from "telegram";
import type { DbOrTx } from "@/db";
import { connectClient, createTelegramClient } from "../client";
import { classifyTelegramError, type TelegramFailure } from "../errors";
import { backoffMs, sleep } from "./backoff";
import type { ConnectionConfig } from "./config";
import type { ConnectionEventDetail } from "@/db/schema";
import type { FloodLedger } from "./flood-ledger";
import type { Semaphore } from "./semaphore";

export type Connected = { client: TelegramClient; connectMs: number };

/** What GramJS's initConnection wraps on every connect: Telegram may flood-wait that too. */
export const connectMethod = "help.GetConfig";
// Flood waits short enough to sleep through, at most this many times per connect.
const floodRetries = 2;

type ConnectDeps = {
  saved: () => string;
  /** The server salt the session's last connection learned, if any. */
  serverSalt: () => string | undefined;
  db(): DbOrTx;
  ledger: FloodLedger;
  config: ConnectionConfig;
  limiter: Semaphore;
  /** Wraps each new client before it is used (the invoke guard). */
  prepare(client: TelegramClient): void;
  record(detail: ConnectionEventDetail, latencyMs?: number): Promise<void>;
};

/**
 * Connects with bounded retries: only network failures are retried, after an exponential, jittered delay.
 * GramJS never retries on its own (the factory turns its reconnects off).
 */
export async function connectWithBackoff(deps: ConnectDeps): Promise<Connected> {
  const { connectAttempts, connectBackoff } = deps.config;
  let failure: TelegramFailure | undefined;
  let floods = 0;
  let attempt = 0;
  while (attempt < connectAttempts) {
    // A long wait ends the connect here (FloodWaitActiveError); a short one is slept through.
    await deps.ledger.gate(connectMethod);
    if (failure) {
      const delayMs = backoffMs(attempt - 1, connectBackoff.baseMs, connectBackoff.maxMs);
      await deps.record({ state: "reconnecting", attempt: attempt + 1, delayMs, errorCode: failure.code });
      await sleep(delayMs);
    }
    attempt++;
    const client = await createTelegramClient(deps.saved(), { floodSleepThreshold: 0 });
    deps.prepare(client);
    const started = performance.now();
    try {
      await deps.limiter.use(() => connectClient(client, deps.serverSalt()));
      const connectMs = Math.round(performance.now() - started);
      await deps.record({ state: "connected", attempt }, connectMs);
      return { client, connectMs };
    } catch (error) {
      await client.destroy().catch(() => undefined);
      failure = classifyTelegramError(error);
      if (failure.kind === "flood" && floods++ < floodRetries) {
        // Telegram's wait is not a failed attempt: record it, and the gate above honours it.
        await deps.ledger.record(deps.db(), connectMethod, failure.seconds ?? 60);
        failure = undefined;
        attempt--;
        continue;
      }
      if (failure.kind !== "transient") break;
    }
  }
  const final = failure ?? classifyTelegramError(undefined);
  await deps.record({ state: "failed", attempt, errorCode: final.code });
  throw final;
}
