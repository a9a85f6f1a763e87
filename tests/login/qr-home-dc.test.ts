import { Api } from "telegram";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { secrets } from "@/lib/keys/encrypted-columns";
import { connectClient, createTelegramClient } from "@/lib/telegram/client";
import { decrypt, loadKeyRing } from "@/lib/vault";
import type { TestDatabase } from "@/tests/support/database";
import { loginClient } from "@/tests/support/login-routes";
import { routeTestDatabase } from "@/tests/support/route-database";
import { startConsoleSandbox } from "@/tests/support/sandbox";

vi.mock("@/db", async () => (await import("@/tests/support/route-database")).testDbModule);

const sandbox = await startConsoleSandbox({
  // A move to the home DC makes a key there inside the step, so the step needs room for a key exchange too.
  TELEGRAM_CONNECT_TIMEOUT_MS: "5000",
  TELEGRAM_REQUEST_TIMEOUT_MS: "10000",
});
const ring = loadKeyRing();
let database: TestDatabase;
let api: ReturnType<typeof loginClient>;
let seq = 0;
/** A sandbox number homed on `dc` (the digit after 99966 picks the home DC). */
const phoneOn = (dc: number) => `99966${dc}${String(7000 + ++seq).padStart(4, "0")}`;

beforeAll(async () => {
  const route = await routeTestDatabase("pglite");
  database = route.database;
  api = loginClient(route.admin);
});
afterAll(() => database.close());

/** Starts a QR login (on DC2, where a new key is homed), waits one refresh, and lets the owner's phone scan it. */
async function scannedQrLogin(phone: string): Promise<{ id: string; since: number }> {
  const started = await api.startQr();
  expect(started.status).toBe(201);
  const pending = await api.refreshQr(started.body.id);
  expect(pending).toMatchObject({ status: 200, body: { step: "qr" } });
  const since = sandbox.log().length;
  sandbox.acceptLoginToken(phone, new URL(pending.body.qr.url).searchParams.get("token") ?? "");
  return { id: started.body.id, since };
}

/** The stored session of a finished login, asked who it is: the phone, the DC it is homed on and the DC stored with it. */
async function storedSessionUser(sessionId: string) {
  const row = await database.db.query.telegramSessions.findFirst({ where: (s, { eq }) => eq(s.id, sessionId) });
  const client = await createTelegramClient(
    decrypt(ring, row?.sessionCiphertext ?? "", secrets.sessionString.binding(sessionId)),
  );
  try {
    await connectClient(client);
    const [me] = await client.invoke(new Api.users.GetUsers({ id: [new Api.InputUserSelf()] }));
    return { phone: (me as Api.User).phone, dcId: client.session.dcId, storedDcId: row?.dcId };
  } finally {
    await client.destroy();
  }
}

const methodsSince = (since: number) =>
  sandbox
    .log()
    .slice(since)
    .filter((e) => e.method.startsWith("auth."))
    .map((e) => `DC${e.dcId} ${e.method} ${e.result}`);

describe("QR login for an account homed on another DC than the key that showed the code", () => {
  it.each([1, 3])("imports the accepted token on DC%i with a key made there, and stores that session", async (dc) => {
    const phone = phoneOn(dc);
    sandbox.createAccount({ phone });
    const { id, since } = await scannedQrLogin(phone);

    const done = await api.refreshQr(id);
    expect(done).toMatchObject({ status: 200, body: { step: "done" } });
    expect(methodsSince(since)).toEqual(["DC2 auth.ExportLoginToken ok", `DC${dc} auth.ImportLoginToken ok`]);
    expect(await storedSessionUser(done.body.sessionId)).toEqual({ phone, dcId: dc, storedDcId: dc });
  });

  it("asks a 2FA account on DC3 for its password after the move, and the password step runs on DC3", async () => {
    const phone = phoneOn(3);
    sandbox.createAccount({ phone, password: "dc3 pass", hint: "three" });
    const { id, since } = await scannedQrLogin(phone);

    expect(await api.refreshQr(id)).toMatchObject({ status: 200, body: { step: "password", passwordHint: "three" } });
    const done = await api.password(id, "dc3 pass");
    expect(done).toMatchObject({ status: 200, body: { step: "done" } });
    expect(methodsSince(since)).toEqual([
      "DC2 auth.ExportLoginToken ok",
      "DC3 auth.ImportLoginToken SESSION_PASSWORD_NEEDED",
      "DC3 auth.CheckPassword ok",
    ]);
    expect(await storedSessionUser(done.body.sessionId)).toEqual({ phone, dcId: 3, storedDcId: 3 });
  });

  it("finishes an account on DC2 where the code was shown, with no move", async () => {
    const phone = phoneOn(2);
    sandbox.createAccount({ phone });
    const { id, since } = await scannedQrLogin(phone);

    const done = await api.refreshQr(id);
    expect(done).toMatchObject({ status: 200, body: { step: "done" } });
    expect(methodsSince(since)).toEqual(["DC2 auth.ExportLoginToken ok"]);
    expect(await storedSessionUser(done.body.sessionId)).toEqual({ phone, dcId: 2, storedDcId: 2 });
  });
});
