import { Api } from "telegram";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { memberWithToken, routeTestDatabase } from "@/tests/support/route-database";
import { insertApiToken } from "@/db/queries/api-tokens";
import { generateApiToken } from "@/lib/auth/actors";
import { secrets } from "@/lib/keys/encrypted-columns";
import { connectClient, createTelegramClient } from "@/lib/telegram/client";
import { decrypt, loadKeyRing } from "@/lib/vault";
import { allDrivers, type TestDatabase } from "@/tests/support/database";
import { loginClient } from "@/tests/support/login-routes";
import { startConsoleSandbox } from "@/tests/support/sandbox";

vi.mock("@/db", async () => (await import("@/tests/support/route-database")).testDbModule);

// Connecting includes a fresh key exchange, which takes seconds when CI runs suites side by side;
// the stall test waits on the request deadline, not this one.
const sandbox = await startConsoleSandbox({ TELEGRAM_CONNECT_TIMEOUT_MS: "5000", TELEGRAM_REQUEST_TIMEOUT_MS: "2000" });
const ring = loadKeyRing();
let phoneSeq = 0;
const nextPhone = (dc: number) => `99966${dc}${String(4000 + ++phoneSeq).padStart(4, "0")}`;

describe.each(allDrivers)("login routes against the sandbox on %s", (driver) => {
  let database: TestDatabase;
  let api: ReturnType<typeof loginClient>;
  let viewerApi: ReturnType<typeof loginClient>;

  beforeAll(async () => {
    const route = await routeTestDatabase(driver);
    database = route.database;
    api = loginClient(route.admin);
    viewerApi = loginClient(route.viewer);
  });
  afterAll(() => database.close());

  const auditOf = async (target: string) =>
    (await database.db.query.auditLog.findMany({ orderBy: (a, { asc }) => asc(a.id) }))
      .filter((row) => row.target === target)
      .map((row) => `${row.action}:${row.outcome}`);

  it("logs in with a code on the number's home DC; the stored session works and nothing secret is answered", async () => {
    const phone = nextPhone(3);
    const started = await api.start(`+${phone.slice(0, 5)} ${phone.slice(5)}`);
    expect(started).toMatchObject({ status: 201, body: { step: "code", codeLength: 5, attemptsLeft: 5 } });
    const id: string = started.body.id;
    const wrong = await api.code(id, "12345");
    expect(wrong).toMatchObject({
      status: 422,
      body: { error: { code: "telegram_refused", message: expect.stringMatching(/not right/) } },
    });
    expect((await api.get(id)).body.attemptsLeft).toBe(4);
    const done = await api.code(id, "33333");
    expect(done).toMatchObject({ status: 200, body: { step: "done", otherSessions: 0 } });

    const session = await database.db.query.telegramSessions.findFirst({
      where: (s, { eq }) => eq(s.id, done.body.sessionId),
    });
    const client = await createTelegramClient(
      decrypt(ring, session?.sessionCiphertext ?? "", secrets.sessionString.binding(done.body.sessionId)),
    );
    await connectClient(client);
    const [me] = await client.invoke(new Api.users.GetUsers({ id: [new Api.InputUserSelf()] }));
    expect((me as Api.User).phone).toBe(phone);
    expect(client.session.dcId).toBe(3);
    await client.destroy();

    for (const reply of [started, wrong, done])
      expect(JSON.stringify(reply.body)).not.toMatch(new RegExp(`${phone}|33333`));
    expect(await auditOf(id)).toEqual([
      "telegram_login.start:success",
      "telegram_login.submit_code:failure",
      "telegram_login.submit_code:success",
    ]);
    const again = await api.start(phone);
    expect((await api.code(again.body.id, "33333")).body).toMatchObject({ step: "done", otherSessions: 1 });
  });

  it("asks a 2FA account for its password with the hint, counting wrong ones", async () => {
    const phone = nextPhone(2);
    sandbox.createAccount({ phone, password: "correct horse", hint: "stable" });
    const { body: flow } = await api.start(phone);
    expect((await api.code(flow.id, "22222")).body).toMatchObject({ step: "password", passwordHint: "stable" });
    expect(await api.password(flow.id, "wrong")).toMatchObject({
      status: 422,
      body: { error: { message: expect.stringMatching(/password is not right/) } },
    });
    expect((await api.code(flow.id, "22222")).status).toBe(409);
    expect((await api.password(flow.id, "correct horse")).body.step).toBe("done");
  });

  it("answers a flood wait with 429 and Retry-After, honours the resend timeout, and cancels", async () => {
    const phone = nextPhone(2);
    sandbox.addFault({ method: "auth.SendCode", error: "FLOOD_WAIT_37", code: 420, times: 1 });
    const flooded = await api.start(phone);
    expect(flooded.status).toBe(429);
    expect(flooded.headers.get("retry-after")).toBe("37");
    expect(flooded.body.error.message).toBe("Telegram asks to wait 37 seconds before trying again.");
    const { body: flow } = await api.start(phone);
    expect((await api.resend(flow.id)).status).toBe(429);
    expect((await api.cancel(flow.id)).body.step).toBe("cancelled");
    expect((await api.code(flow.id, "22222")).status).toBe(409);
    const row = await database.db.query.loginFlows.findFirst({ where: (f, { eq }) => eq(f.id, flow.id) });
    expect(row).toMatchObject({ sessionCiphertext: null, phoneCodeHashCiphertext: null, phoneCiphertext: null });
  });

  it("logs in by QR once the owner accepts, then asks for the 2FA password", async () => {
    const phone = nextPhone(2);
    sandbox.createAccount({ phone, password: "qr pass", hint: "qr" });
    const { body: started } = await api.startQr();
    expect(started.qr.url).toMatch(/^tg:\/\/login\?token=/);
    const pending = await api.refreshQr(started.id);
    expect(pending.body.step).toBe("qr");
    expect(await auditOf(started.id)).toEqual(["telegram_login.start:success"]);
    sandbox.acceptLoginToken(phone, new URL(pending.body.qr.url).searchParams.get("token") ?? "");
    expect((await api.refreshQr(started.id)).body).toMatchObject({ step: "password", passwordHint: "qr" });
    expect((await api.password(started.id, "qr pass")).body.step).toBe("done");
  });

  it("answers 503 while Telegram stalls or drops the connection, and the same flow then completes", async () => {
    const { body: flow } = await api.start(nextPhone(2));
    sandbox.addTransportFault({ kind: "stall", times: 1 });
    expect((await api.code(flow.id, "22222")).body.error.code).toBe("telegram_unavailable");
    sandbox.addTransportFault({ kind: "drop", times: 1 });
    expect((await api.code(flow.id, "22222")).status).toBe(503);
    sandbox.clearFaults();
    expect((await api.code(flow.id, "22222")).body.step).toBe("done");
  });

  it("lets one request at a time work on a flow", async () => {
    const { body: flow } = await api.start(nextPhone(2));
    // Telegram answering slowly keeps the first request inside its step while the second arrives.
    sandbox.addTransportFault({ kind: "delay", ms: 500, times: 1 });
    const replies = await Promise.all([api.code(flow.id, "11111"), api.code(flow.id, "11111")]);
    expect(replies.map((r) => r.status).sort()).toEqual([409, 422]);
    expect(replies.find((r) => r.status === 409)?.body.error.code).toBe("login_busy");
  });

  it("refuses viewers, bad input and unknown flows without touching Telegram", async () => {
    const before = sandbox.log().length;
    expect((await viewerApi.start(nextPhone(2))).status).toBe(403);
    expect((await api.start("12")).status).toBe(400);
    expect((await api.code("00000000-0000-4000-8000-000000000000", "22222")).status).toBe(404);
    expect((await api.code("not-a-uuid", "22222")).status).toBe(400);
    expect(sandbox.log().length).toBe(before);
  });

  it("belongs to the member who started it: another admin gets 404 for every step, the starter's other token works", async () => {
    const starter = await memberWithToken(database.db, `starter-${driver}@example.com`, "admin");
    const secondToken = generateApiToken();
    await insertApiToken(database.db, {
      name: "starter's second token",
      scope: "admin",
      tokenHash: secondToken.hash,
      prefix: secondToken.prefix,
      createdById: starter.member.id,
    });
    const starterApi = loginClient(starter.token);
    const phone = nextPhone(2);
    const { body: flow } = await starterApi.start(phone);
    const before = sandbox.log().length;

    const others = [
      await api.get(flow.id),
      await api.code(flow.id, "22222"),
      await api.password(flow.id, "anything"),
      await api.resend(flow.id),
      await api.refreshQr(flow.id),
      await api.cancel(flow.id),
    ];
    expect(others.map((reply) => reply.status)).toEqual([404, 404, 404, 404, 404, 404]);
    expect(sandbox.log().length).toBe(before);

    expect(await loginClient(secondToken.token).get(flow.id)).toMatchObject({ status: 200, body: { step: "code" } });
    expect(await starterApi.code(flow.id, "22222")).toMatchObject({ status: 200, body: { step: "done" } });
  });
});
