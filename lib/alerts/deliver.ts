import type { Db } from "@/db";
import { dispatchAlertEvents, outboxAgeSeconds } from "@/db/queries/alert-events";
import {
  claimDueDelivery,
  recordDeliveryAttempt,
  type AttemptOutcome,
  type DueDelivery,
} from "@/db/queries/alert-deliveries";
import { env } from "@/lib/env";
import { secrets } from "@/lib/keys/encrypted-columns";
import { log } from "@/lib/log";
import { runEvery } from "@/lib/schedule/every";
import { backoffMs } from "@/lib/telegram/connection/backoff";
import { decrypt, loadKeyRing } from "@/lib/vault";
import { alertsDeliveredTotal, alertOutboxAge, type DeliveryOutcome } from "./metrics";
import { alertBody, discordBody, emailMessage, slackBody } from "./payload";
import { postJson, sendEmail, signedHeaders, type SendResult } from "./send";

export type AlertRules = {
  cooldownSeconds: number;
  giveUpSeconds: number;
  timeoutMs: number;
  perChannel: number;
  retryBaseMs: number;
  retryMaxMs: number;
};

export function alertRules(overrides: Partial<AlertRules> = {}): AlertRules {
  const e = env();
  return {
    cooldownSeconds: e.ALERT_COOLDOWN_MINUTES * 60,
    giveUpSeconds: e.ALERT_RETRY_HOURS * 3600,
    timeoutMs: e.ALERT_TIMEOUT_SECONDS * 1000,
    perChannel: e.ALERT_CHANNEL_CONCURRENCY,
    retryBaseMs: 10_000,
    retryMaxMs: 3_600_000,
    ...overrides,
  };
}

/** Sends one delivery through its channel's kind. */
async function send(delivery: DueDelivery, rules: AlertRules): Promise<SendResult> {
  const ring = loadKeyRing();
  const { channel } = delivery;
  const targetText = decrypt(ring, channel.targetCiphertext, secrets.alertTarget.binding(channel.id));
  const body = alertBody(delivery);
  switch (channel.kind) {
    case "email":
      return sendEmail(targetText.split(","), emailMessage(body), rules.timeoutMs);
    case "slack":
      return postJson(targetText, JSON.stringify(slackBody(body)), {}, rules.timeoutMs);
    case "discord":
      return postJson(targetText, JSON.stringify(discordBody(body)), {}, rules.timeoutMs);
    default: {
      const secret = decrypt(ring, channel.secretCiphertext ?? "", secrets.alertSecret.binding(channel.id));
      const json = JSON.stringify(body);
      return postJson(targetText, json, signedHeaders(secret, `msg_${delivery.id}`, json), rules.timeoutMs);
    }
  }
}

/**
 * What an answer means: 2xx delivered; a redirect (never followed), a 4xx other than 408/429, a permanent SMTP
 * refusal or an address that may not be reached stop; anything else is retried with backoff until giveUpAt.
 */
export function judge(
  delivery: Pick<DueDelivery, "attempts" | "giveUpAt" | "channel">,
  result: SendResult,
  rules: AlertRules,
  now = new Date(),
): { outcome: DeliveryOutcome; write: AttemptOutcome } {
  const { statusCode, error, refused } = result;
  const email = delivery.channel.kind === "email";
  if (!error && statusCode !== null && (email || (statusCode >= 200 && statusCode < 300)))
    return { outcome: "delivered", write: { status: "delivered", statusCode, error: null } };
  if (refused) return { outcome: "refused", write: { status: "failed", statusCode, error } };
  const stops = email
    ? statusCode !== null && statusCode >= 500
    : statusCode !== null && statusCode < 500 && statusCode !== 408 && statusCode !== 429;
  const reason = error ?? `HTTP ${statusCode}`;
  if (stops) return { outcome: "rejected", write: { status: "failed", statusCode, error: reason } };
  const next = new Date(now.getTime() + backoffMs(delivery.attempts - 1, rules.retryBaseMs, rules.retryMaxMs));
  if (next > delivery.giveUpAt) return { outcome: "gave_up", write: { status: "failed", statusCode, error: reason } };
  return { outcome: "retry", write: { status: "pending", statusCode, error: reason, nextAttemptAt: next } };
}

async function deliverOne(db: Db, delivery: DueDelivery, rules: AlertRules): Promise<DeliveryOutcome> {
  let result: SendResult;
  try {
    result = await send(delivery, rules);
  } catch (error) {
    // An unreadable stored target or secret: nothing was sent; retried (a key may come back) until giveUpAt.
    result = { statusCode: null, error: (error as Error).name };
  }
  const { outcome, write } = judge(delivery, result, rules);
  await recordDeliveryAttempt(db, delivery.id, write);
  alertsDeliveredTotal().inc({ channel_kind: delivery.channel.kind, outcome });
  if (outcome !== "delivered")
    log.info(
      { deliveryId: delivery.id, channelId: delivery.channel.id, outcome, statusCode: write.statusCode },
      "alert not delivered",
    );
  return outcome;
}

export type DeliveryPassStats = { dispatched: number; attempted: number; delivered: number };

/**
 * One pass: dispatches the outbox, then sends due deliveries, up to `concurrency` at once, until none is due.
 * Any number of processes can run it: claims skip rows another holds.
 */
export async function deliveryPass(db: Db, rules: AlertRules, concurrency = 8): Promise<DeliveryPassStats> {
  const stats: DeliveryPassStats = { dispatched: 0, attempted: 0, delivered: 0 };
  for (;;) {
    const batch = await dispatchAlertEvents(db, { ...rules, limit: 200 });
    stats.dispatched += batch.fannedOut + batch.suppressed;
    if (batch.fannedOut + batch.suppressed < 200) break;
  }
  alertOutboxAge().set(await outboxAgeSeconds(db));
  const leaseSeconds = Math.ceil(rules.timeoutMs / 1000) + 30;
  const claim = () => claimDueDelivery(db, leaseSeconds, rules.perChannel);
  const worker = async (first: Awaited<ReturnType<typeof claim>>) => {
    for (let due = first; due; due = await claim()) {
      stats.attempted += 1;
      if ((await deliverOne(db, due, rules)) === "delivered") stats.delivered += 1;
    }
  };
  // An idle pass (the usual case, every second) costs one claim; the other workers start only when work is due.
  const first = await claim();
  if (!first) return stats;
  await Promise.all([worker(first), ...Array.from({ length: concurrency - 1 }, async () => worker(await claim()))]);
  return stats;
}

/** Runs delivery passes every `intervalMs` (never two at once) until stopped. */
export function startAlertDelivery(db: Db, intervalMs = 1000, rules: AlertRules = alertRules()): () => Promise<void> {
  return runEvery(intervalMs, () => deliveryPass(db, rules), "alert delivery pass failed");
}
