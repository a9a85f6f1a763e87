import { Api, type TelegramClient } from "telegram";
import type { DbOrTx } from "@/db";
import type { CheckTarget } from "@/db/queries/session-health";
import { log } from "@/lib/log";
import { classifyTelegramError, TelegramFailure } from "@/lib/telegram/errors";
import { FloodWaitActiveError } from "@/lib/telegram/connection/errors";
import type { ClaimedLease } from "@/lib/telegram/connection/live-session";
import type { ConnectionManager } from "@/lib/telegram/connection/manager";
import { VaultDecryptError } from "@/lib/vault";
import type { HealthConfig } from "./config";
import type { ProbeOutcome } from "./outcome";

/** Needs a logged-in key (help.getConfig would answer any key and prove nothing). */
export const probeMethod = "users.GetUsers";

/**
 * Connects and asks for our own user; every few hours also reads authorization_ttl_days for the expiry
 * forecast. Telegram's answers become an outcome; a busy lease, a missing session or missing Telegram
 * configuration are thrown, as they say nothing about the session's health.
 */
export async function probe(
  db: DbOrTx,
  manager: ConnectionManager,
  session: CheckTarget,
  config: HealthConfig,
  claimed?: ClaimedLease,
): Promise<ProbeOutcome> {
  let connectMs: number | null = null;
  const ttlDue =
    !session.ttlCheckedAt || Date.now() - session.ttlCheckedAt.getTime() > config.ttlRefreshHours * 3_600_000;
  try {
    return await manager.run(
      db,
      session.id,
      async (client, info) => {
        connectMs = info.connectMs;
        const started = performance.now();
        await client.invoke(new Api.users.GetUsers({ id: [new Api.InputUserSelf()] }));
        const requestMs = Math.round(performance.now() - started);
        const ttlDays = ttlDue ? await readTtlDays(client, session.id) : undefined;
        return { kind: "ok", connectMs: info.connectMs, requestMs, ttlDays };
      },
      { method: probeMethod, keepAlive: false, claimed },
    );
  } catch (error) {
    if (error instanceof FloodWaitActiveError) return { kind: "flood", method: error.method, until: error.until };
    if (error instanceof VaultDecryptError) return { kind: "unreadable" };
    // Only a TelegramFailure is Telegram's answer (or the network to it failing); anything else is ours.
    if (!(error instanceof TelegramFailure)) throw error;
    return {
      kind: "failed",
      errorClass: error.kind === "flood" ? "transient" : error.kind,
      code: error.code,
      connectMs,
    };
  }
}

/** The forecast is a by-product: the session already answered, so a failure here only delays the forecast. */
async function readTtlDays(client: TelegramClient, sessionId: string): Promise<number | undefined> {
  try {
    return (await client.invoke(new Api.account.GetAuthorizations())).authorizationTtlDays;
  } catch (error) {
    log.info({ sessionId, errorCode: classifyTelegramError(error).code }, "could not read authorization_ttl_days");
    return undefined;
  }
}
