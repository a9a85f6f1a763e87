import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as channels from "@/app/api/v1/alerts/channels/route";
import * as channel from "@/app/api/v1/alerts/channels/[id]/route";
import * as test from "@/app/api/v1/alerts/channels/[id]/test/route";
import * as deliveries from "@/app/api/v1/alerts/deliveries/route";
import * as redeliver from "@/app/api/v1/alerts/deliveries/[id]/redeliver/route";
import { checkSession } from "@/lib/health/check";
import { healthConfig } from "@/lib/health/config";
import { ConnectionManager } from "@/lib/telegram/connection/manager";
import { callRoute } from "@/tests/support/call-route";
import { allDrivers, type TestDatabase } from "@/tests/support/database";
import { routeTestDatabase } from "@/tests/support/route-database";
import { seedOne } from "@/tests/support/sandbox-sessions";
import { shortDeadlines, startConsoleSandbox } from "@/tests/support/sandbox";
import { alertRules, deliveryPass } from "./deliver";

vi.mock("@/db", async () => (await import("@/tests/support/route-database")).testDbModule);

/** A receiver that verifies Standard Webhooks signatures; `answer` decides its status. */
class Receiver {
  received: { headers: IncomingHttpHeaders; body: string }[] = [];
  answer: () => { status: number; location?: string } = () => ({ status: 204 });
  server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      const { status, location } = this.answer();
      if (status < 300) this.received.push({ headers: req.headers, body });
      res.writeHead(status, location ? { location } : {});
      res.end();
    });
  });
  async start() {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  /** The bodies of verified deliveries; throws on a bad signature. */
  verified(secret: string) {
    const hook = new Webhook(secret);
    return this.received.map((r) => ({
      id: r.headers["webhook-id"],
      body: hook.verify(r.body, r.headers as Record<string, string>) as { type: string; data: Record<string, never> },
    }));
  }
  close() {
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const mails: string[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, _session, callback) {
    let text = "";
    stream.on("data", (chunk: Buffer) => (text += chunk.toString()));
    stream.on("end", () => (mails.push(text), callback()));
  },
});
await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
const smtpPort = (smtp.server.address() as AddressInfo).port;

const sandbox = await startConsoleSandbox({
  ...shortDeadlines,
  ALERT_ALLOW_PRIVATE_URLS: "on",
  SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
  ALERT_EMAIL_FROM: "console@example.com",
});
afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

const rules = alertRules({ cooldownSeconds: 0, retryBaseMs: 50, retryMaxMs: 100 });

describe.each(allDrivers)("alert delivery on %s", (driver) => {
  let database: TestDatabase;
  let admin: string;
  let viewer: string;
  const receiver = new Receiver();
  let base = "";
  beforeAll(async () => {
    ({ database, admin, viewer } = await routeTestDatabase(driver));
    base = await receiver.start();
  });
  afterAll(async () => {
    await receiver.close();
    await database.close();
  });

  const create = (body: Record<string, unknown>, token = admin) => callRoute(channels.POST, "POST", { token, body });
  const pass = () => deliveryPass(database.db, rules);
  const log = async (channelId: string) =>
    (await callRoute(deliveries.GET, "GET", { token: viewer, query: `?channel=${channelId}` })).body.items as {
      id: string;
      kind: string;
      status: string;
      attempts: number;
      lastStatusCode: number | null;
      lastError: string | null;
    }[];
  const check = (id: string) =>
    checkSession(database.db, id, { manager: new ConnectionManager({ idleMs: 0 }), config: healthConfig() });

  it("a session revoked at Telegram reaches a signed webhook and an email after one check", async () => {
    const hook = await create({
      kind: "webhook",
      name: "ops",
      url: `${base}/hook/s3cret-path`,
      events: ["session.invalid", "session.revoked_elsewhere"],
    });
    expect(hook).toMatchObject({
      status: 201,
      body: { id: expect.any(String), secret: expect.stringMatching(/^whsec_/) },
    });
    const mail = await create({
      kind: "email",
      name: "on call",
      to: ["oncall@example.com"],
      events: ["session.invalid"],
    });
    expect(mail.status).toBe(201);
    expect(mail.body.secret).toBeUndefined();
    expect(
      (await create({ kind: "webhook", name: "x", url: `${base}/x`, events: ["session.invalid"] }, viewer)).status,
    ).toBe(403);

    const labelled = { kind: "webhook", name: "prod only", url: `${base}/prod`, events: ["session.invalid"] };
    expect(await create({ ...labelled, labels: ["prod", " "] })).toMatchObject({
      status: 400,
      body: { error: { fields: { "labels.1": expect.any(String) } } },
    });
    expect(await create({ ...labelled, labels: ["prod"] })).toMatchObject({
      status: 201,
      body: { item: { labels: ["prod"] } },
    });

    // Viewers see names and kinds, never the target; admins a masked one.
    const asViewer = await callRoute(channels.GET, "GET", { token: viewer });
    expect(asViewer.body.items.find((c: { id: string }) => c.id === hook.body.id)).not.toHaveProperty("target");
    const asAdmin = await callRoute(channels.GET, "GET", { token: admin });
    expect(JSON.stringify(asAdmin.body)).not.toMatch(/s3cret-path|whsec_/);

    const { id, phone } = await seedOne(database.db);
    sandbox.revokeAuthorization(sandbox.authorizations(phone)[0]!.id);
    await check(id);
    expect(await pass()).toMatchObject({ delivered: 3 });
    const got = receiver.verified(hook.body.secret);
    expect(got.map((g) => g.body.type)).toEqual(["session.invalid", "session.revoked_elsewhere"]);
    expect(got[0]!.body.data).toMatchObject({
      session: { id, status: "invalid" },
      account: { phoneMasked: expect.any(String), telegramId: expect.any(String) },
      details: { errorCode: "SESSION_REVOKED" },
    });
    expect(JSON.stringify(got)).not.toMatch(/session_ciphertext|sessionCiphertext/);
    expect(mails.at(-1)).toMatch(/session\.invalid/);
    expect(mails.at(-1)).toMatch(/oncall@example\.com/);
    expect((await log(hook.body.id)).map((d) => [d.kind, d.status]).sort()).toEqual([
      ["session.invalid", "delivered"],
      ["session.revoked_elsewhere", "delivered"],
    ]);
  });

  it("retries while the receiver is down and delivers in order once it is back, with stable webhook-ids", async () => {
    receiver.received = [];
    const hook = await create({
      kind: "webhook",
      name: "flappy",
      url: `${base}/hook`,
      events: ["session.degraded", "session.recovered"],
    });
    const { id, phone } = await seedOne(database.db);
    receiver.answer = () => ({ status: 503 });
    sandbox.addTransportFault({ kind: "drop", times: 0, phone });
    await check(id);
    sandbox.clearFaults();
    await check(id);
    await pass();
    const pending = await log(hook.body.id);
    // The recovery waits behind the degradation: never sent before it.
    expect(pending.map((d) => [d.kind, d.status, d.lastStatusCode]).sort()).toEqual([
      ["session.degraded", "pending", 503],
      ["session.recovered", "pending", null],
    ]);
    receiver.answer = () => ({ status: 200 });
    await vi.waitFor(async () => expect((await pass(), receiver.received)).toHaveLength(2), {
      timeout: 10_000,
      interval: 100,
    });
    const got = receiver.verified(hook.body.secret);
    expect(got.map((g) => g.body.type)).toEqual(["session.degraded", "session.recovered"]);
    const first = pending.find((d) => d.kind === "session.degraded")!;
    expect(got[0]!.id).toBe(`msg_${first.id}`);
    // A redelivery carries the same webhook-id, so the receiver can drop it.
    expect((await callRoute(redeliver.POST, "POST", { token: admin, params: { id: first.id } })).status).toBe(202);
    await pass();
    expect(receiver.verified(hook.body.secret).at(-1)!.id).toBe(`msg_${first.id}`);
  });

  it("stops at 410 and never follows a redirect; a paused channel gets nothing", async () => {
    const hook = await create({ kind: "webhook", name: "gone", url: `${base}/gone`, events: ["session.degraded"] });
    receiver.answer = () => ({ status: 410 });
    const tested = await callRoute(test.POST, "POST", { token: admin, params: { id: hook.body.id } });
    expect(tested.status).toBe(202);
    await pass();
    await pass();
    expect(await log(hook.body.id)).toMatchObject([
      { kind: "alert.test", status: "failed", attempts: 1, lastStatusCode: 410 },
    ]);

    const hits = receiver.received.length;
    receiver.answer = () => ({ status: 302, location: `${base}/elsewhere` });
    await callRoute(test.POST, "POST", { token: admin, params: { id: hook.body.id } });
    await pass();
    expect((await log(hook.body.id))[0]).toMatchObject({ status: "failed", lastStatusCode: 302, lastError: null });
    expect(receiver.received).toHaveLength(hits);
    // A receiver's error text can name its host: admins read it, viewers do not.
    const asAdmin = await callRoute(deliveries.GET, "GET", { token: admin, query: `?channel=${hook.body.id}` });
    expect(asAdmin.body.items[0]).toMatchObject({ lastStatusCode: 302, lastError: "HTTP 302" });

    receiver.answer = () => ({ status: 200 });
    const paused = await callRoute(channel.PATCH, "PATCH", {
      token: admin,
      params: { id: hook.body.id },
      body: { paused: true },
    });
    expect(paused).toMatchObject({ status: 200, body: { item: { paused: true } } });
    const email = await create({ kind: "email", name: "mail", to: ["ops@example.com"], events: ["session.degraded"] });
    for (const [id, body, field] of [
      [email.body.id, { url: `${base}/x` }, "url"],
      [hook.body.id, { to: ["ops@example.com"] }, "to"],
    ] as const) {
      const refused = await callRoute(channel.PATCH, "PATCH", { token: admin, params: { id }, body });
      expect(refused).toMatchObject({
        status: 400,
        body: { error: { code: "invalid_input", fields: { [field]: expect.any(String) } } },
      });
    }
    await callRoute(channel.DELETE, "DELETE", { token: admin, params: { id: email.body.id } });
    const { id } = await seedOne(database.db);
    sandbox.addTransportFault({ kind: "drop", times: 0 });
    await check(id);
    sandbox.clearFaults();
    await pass();
    expect(await log(hook.body.id)).toHaveLength(2);
    expect((await callRoute(channel.DELETE, "DELETE", { token: admin, params: { id: hook.body.id } })).status).toBe(
      200,
    );
    expect((await callRoute(channel.DELETE, "DELETE", { token: admin, params: { id: hook.body.id } })).status).toBe(
      404,
    );
  });
});
