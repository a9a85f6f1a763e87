import { randomBytes } from "node:crypto";
import { Api } from "telegram";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { secrets } from "@/lib/keys/encrypted-columns";
import { decrypt, parseKeyRing } from "@/lib/vault";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/tests/support/database";
import { startTestSandbox } from "@/tests/support/sandbox";
import { createTelegramClient } from "../client";
import { submitCode, resendCode } from "./code";
import type { LoginDeps } from "./deps";
import { submitPassword } from "./password";
import { refreshQrLogin } from "./qr";
import { startPhoneLogin, startQrLogin } from "./start";
import { cancelLogin } from "./cancel";

const sandbox = await startTestSandbox();
process.env.TELEGRAM_SANDBOX_URL = sandbox.info.control;
process.env.TELEGRAM_CONNECT_TIMEOUT_MS = "1500";
process.env.TELEGRAM_REQUEST_TIMEOUT_MS = "2000";
const ring = parseKeyRing(`test:${randomBytes(32).toString("base64")}`);
const actor: Actor = { kind: "user", id: "00000000-0000-4000-8000-000000000001", email: "a@example.com", role: "admin", label: "a@example.com", mustChangePassword: false };
let phoneSeq = 0;
const nextPhone = (dc: number) => `99966${dc}${String(3000 + ++phoneSeq).padStart(4, "0")}`;

afterAll(() => sandbox.cleanup());

describe.each(testDrivers)("login flows on %s", (driver) => {
  let database: TestDatabase;
  let deps: LoginDeps;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
    deps = { db: database.db, ring, actor: { ...actor, id: await seedUser(database) }, commit: (work) => database.db.transaction(work) };
  });
  afterAll(() => database.close());

  async function storedSession(sessionId: string): Promise<string> {
    const row = await database.db.query.telegramSessions.findFirst({ where: (s, { eq }) => eq(s.id, sessionId) });
    return decrypt(ring, row?.sessionCiphertext ?? "", secrets.sessionString.binding(sessionId));
  }

  it("logs in with a code on another DC, stores the session encrypted, and the session works", async () => {
    const phone = nextPhone(3);
    const started = await startPhoneLogin(deps, phone);
    expect(started).toMatchObject({ step: "code", codeLength: 5, attemptsLeft: 5 });
    expect(JSON.stringify(started)).not.toContain(phone);

    const wrong = submitCode(deps, started.id, "12345");
    await expect(wrong).rejects.toMatchObject({ status: 422, code: "telegram_refused" });
    const done = await submitCode(deps, started.id, "33333");
    expect(done).toMatchObject({ step: "done", otherSessions: 0 });

    const client = await createTelegramClient(await storedSession(done.sessionId as string));
    await client.connect();
    const [me] = await client.invoke(new Api.users.GetUsers({ id: [new Api.InputUserSelf()] }));
    expect((me as Api.User).phone).toBe(phone);
    expect(client.session.dcId).toBe(3);
    await client.destroy();

    const flow = await database.db.query.loginFlows.findFirst({ where: (f, { eq }) => eq(f.id, started.id) });
    expect(flow).toMatchObject({ step: "done", sessionCiphertext: null, phoneCodeHashCiphertext: null, phoneCiphertext: null });
    const again = await startPhoneLogin(deps, phone);
    expect(await submitCode(deps, again.id, "33333")).toMatchObject({ step: "done", otherSessions: 1 });
  });

  it("asks for the 2FA password with its hint, counts wrong passwords, then signs in", async () => {
    const phone = nextPhone(2);
    sandbox.createAccount({ phone, password: "correct horse", hint: "stable" });
    const started = await startPhoneLogin(deps, phone);
    const asked = await submitCode(deps, started.id, "22222");
    expect(asked).toMatchObject({ step: "password", passwordHint: "stable" });
    await expect(submitPassword(deps, started.id, "wrong")).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/password is not right/) });
    await expect(submitCode(deps, started.id, "22222")).rejects.toMatchObject({ status: 409 });
    const done = await submitPassword(deps, started.id, "correct horse");
    expect(done.step).toBe("done");
  });

  it("turns a flood wait into a 429 with Retry-After and honours the resend timeout", async () => {
    const phone = nextPhone(2);
    sandbox.addFault({ method: "auth.SendCode", error: "FLOOD_WAIT_37", code: 420, times: 1 });
    await expect(startPhoneLogin(deps, phone)).rejects.toMatchObject({ status: 429, headers: { "Retry-After": "37" } });
    const started = await startPhoneLogin(deps, phone);
    await expect(resendCode(deps, started.id)).rejects.toMatchObject({ status: 429 });
    expect(await cancelLogin(deps, started.id)).toMatchObject({ step: "cancelled" });
    await expect(submitCode(deps, started.id, "22222")).rejects.toMatchObject({ status: 409 });
  });

  it("logs in by QR once the owner accepts the token", async () => {
    const phone = nextPhone(2);
    sandbox.createAccount({ phone });
    const started = await startQrLogin(deps);
    expect(started.qr?.url).toMatch(/^tg:\/\/login\?token=/);
    const pending = await refreshQrLogin(deps, started.id);
    expect(pending.step).toBe("qr");
    sandbox.acceptLoginToken(phone, new URL(pending.qr?.url ?? "").searchParams.get("token") ?? "");
    expect(await refreshQrLogin(deps, started.id)).toMatchObject({ step: "done" });
  });

  it("answers 503 when Telegram stalls or drops the connection, and the flow survives for a retry", async () => {
    const started = await startPhoneLogin(deps, nextPhone(2));
    sandbox.addTransportFault({ kind: "stall", times: 1 });
    await expect(submitCode(deps, started.id, "22222")).rejects.toMatchObject({ status: 503, code: "telegram_unavailable" });
    sandbox.addTransportFault({ kind: "drop", times: 1 });
    await expect(submitCode(deps, started.id, "22222")).rejects.toMatchObject({ status: 503 });
    sandbox.clearFaults();
    expect(await submitCode(deps, started.id, "22222")).toMatchObject({ step: "done" });
  });

  it("lets one request at a time work on a flow", async () => {
    const started = await startPhoneLogin(deps, nextPhone(2));
    const results = await Promise.allSettled([submitCode(deps, started.id, "11111"), submitCode(deps, started.id, "11111")]);
    expect(results.map((r) => (r.status === "rejected" ? (r.reason as { status: number }).status : 200)).sort()).toEqual([409, 422]);
  });
});

async function seedUser(database: TestDatabase): Promise<string> {
  const { users } = await import("@/db/schema");
  const [row] = await database.db.insert(users).values({ email: `a-${randomBytes(3).toString("hex")}@example.com`, passwordHash: "x", role: "admin" }).returning();
  return row?.id ?? "";
}
