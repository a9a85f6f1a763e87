/**
 * Alerts benchmark: `npx tsx --conditions=react-server scripts/bench/alerts/alert-delivery.ts [sessions] [flapping]`.
 * 1. Revocation to webhook: `sessions` (default 20) sandbox sessions checked by the health monitor (interval 10 s,
 *    poll 1 s) with alert delivery running as in a console; each is revoked at the sandbox at a random moment within
 *    two intervals, and the time until its signed session.invalid webhook reaches a receiver on loopback is measured.
 * 2. Outbox throughput: `flapping` sessions (default 1,000) each going degraded → recovered five times (ten events a
 *    session) written to the outbox at once; the time until every event is dispatched (fanned out, or folded by the
 *    cooldown) and every delivery reached the receiver.
 * Embedded database in memory, in-process sandbox DC. Prints the figures as `label value` lines.
 */
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { connectPglite } from "@/db/connect-pglite";
import { startSandbox } from "@/sandbox/sandbox";
import { median, percentile } from "../figure";

const sessions = Number(process.argv[2] ?? 20);
const flapping = Number(process.argv[3] ?? 1_000);
const intervalSeconds = 10;
const dataDir = mkdtempSync(path.join(tmpdir(), "alerts-bench-"));
const sandbox = await startSandbox({ dataDir });
Object.assign(process.env, {
  TELEGRAM_SANDBOX_URL: sandbox.info.control,
  SESSION_ENCRYPTION_KEYS: process.env.SESSION_ENCRYPTION_KEYS ?? `bench:${randomBytes(32).toString("base64")}`,
  HEALTH_CHECK_INTERVAL_SECONDS: String(intervalSeconds),
  HEALTH_MONITOR_POLL_SECONDS: "1",
  ALERT_ALLOW_PRIVATE_URLS: "on",
  LOG_LEVEL: "error",
});
// Imported after the environment is set: configuration is read once.
const { createChannel } = await import("@/lib/alerts/channels");
const { deliveryPass, alertRules, startAlertDelivery } = await import("@/lib/alerts/deliver");
const { dispatchAlertEvents } = await import("@/db/queries/alert-events");
const { HealthMonitor } = await import("@/lib/health/monitor");
const { connectionManager } = await import("@/lib/telegram/connection/manager");
const { seedMintedSessions, sandboxPhone } = await import("@/tests/support/sandbox-sessions");
const { seedManySessions } = await import("@/tests/support/session-rows");

const handle = connectPglite(undefined, path.resolve("db/migrations"));
await handle.migrate();
const { db } = handle;

/** A webhook receiver on loopback: when each session's event arrived, signatures verified. */
const arrivals = new Map<string, number>();
let secret = "";
const receiver = createServer((request, response) => {
  let body = "";
  request.on("data", (chunk: Buffer) => (body += chunk.toString()));
  request.on("end", () => {
    const event = new Webhook(secret).verify(body, request.headers as Record<string, string>) as {
      type: string;
      data: { session: { id: string } | null };
    };
    if (event.type === "session.invalid" && event.data.session) arrivals.set(event.data.session.id, performance.now());
    response.writeHead(200).end();
  });
});
receiver.listen(0, "127.0.0.1");
await once(receiver, "listening");
const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
const hook = async (events: ("session.invalid" | "session.degraded" | "session.recovered")[]) =>
  (secret = (await createChannel(db, { kind: "webhook", name: "bench", url, events }, null)).secret ?? "");

// 1. Revocation to webhook.
await hook(["session.invalid"]);
const phones = Array.from({ length: sessions }, (_, i) => sandboxPhone(2, 7000 + i));
const seeded = await seedMintedSessions(db, phones);
const monitor = new HealthMonitor(db);
monitor.start();
const stopDelivery = startAlertDelivery(db);
await new Promise((resolve) => setTimeout(resolve, intervalSeconds * 1000));
const revokedAt = new Map<string, number>();
await Promise.all(
  seeded.map(async ({ id, phone }) => {
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 * intervalSeconds * 1000));
    revokedAt.set(id, performance.now());
    sandbox.revokeAuthorization(sandbox.authorizations(phone)[0]!.id);
  }),
);
const deadline = performance.now() + 4 * intervalSeconds * 1000;
while (arrivals.size < sessions && performance.now() < deadline) await new Promise((r) => setTimeout(r, 100));
await monitor.stop();
await stopDelivery();
const latencies = seeded.flatMap(({ id }) => {
  const arrived = arrivals.get(id);
  return arrived === undefined ? [] : [(arrived - revokedAt.get(id)!) / 1000];
});
console.log(`revoke-to-webhook arrived ${latencies.length} of ${sessions}`);
console.log(`revoke-to-webhook median ${median(latencies).toFixed(2)} s`);
console.log(`revoke-to-webhook p90 ${percentile(latencies, 0.9).toFixed(2)} s`);
console.log(`revoke-to-webhook max ${Math.max(...latencies).toFixed(2)} s`);
console.log(`check interval ${intervalSeconds} s`);

// 2. Outbox throughput with sessions flapping.
await db.execute(sql`delete from alert_channels`);
await hook(["session.degraded", "session.recovered"]);
await seedManySessions(db, flapping);
await db.execute(sql`
  insert into alert_events (session_id, kind, details)
  select s.id, case when g % 2 = 1 then 'session.degraded' else 'session.recovered' end, '{}'::jsonb
  from (select id from telegram_sessions order by id limit ${flapping}) s
  cross join generate_series(1, 10) g
  order by g, s.id`);
const countOf = async (query: ReturnType<typeof sql>) =>
  Number(((await db.execute(query)) as unknown as { rows: [{ n: string | number }] }).rows[0].n);
const events = await countOf(sql`select count(*) as n from alert_events where dispatched_at is null`);
const rules = alertRules();
const started = performance.now();
let dispatched = 0;
for (;;) {
  const batch = await dispatchAlertEvents(db, { ...rules, limit: 200 });
  dispatched += batch.fannedOut + batch.suppressed;
  if (batch.fannedOut + batch.suppressed === 0) break;
}
const dispatchSeconds = (performance.now() - started) / 1000;
let delivered = 0;
for (;;) {
  const pass = await deliveryPass(db, rules, 16);
  delivered += pass.delivered;
  const open = await countOf(sql`select
    (select count(*) from alert_events where dispatched_at is null) +
    (select count(*) from alert_deliveries where status = 'pending') as n`);
  if (open === 0) break;
}
const seconds = (performance.now() - started) / 1000;
console.log(`outbox events ${events}`);
console.log(`outbox dispatched ${dispatched}`);
console.log(`outbox delivered ${delivered}`);
console.log(`outbox seconds ${seconds.toFixed(2)}`);
console.log(`outbox dispatch seconds ${dispatchSeconds.toFixed(2)}`);
console.log(`outbox events per second ${(dispatched / seconds).toFixed(0)}`);
console.log(`outbox dispatched per second ${(dispatched / dispatchSeconds).toFixed(0)}`);
console.log(`outbox deliveries per second ${(delivered / (seconds - dispatchSeconds)).toFixed(0)}`);

await connectionManager().closeAll();
receiver.close();
await handle.close();
await sandbox.close();
rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
