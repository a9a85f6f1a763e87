import { and, eq, sql } from "drizzle-orm";
import { Api } from "telegram";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditLog, loginFlows, telegramSessions } from "@/db/schema";
import { routeTestDatabase } from "@/tests/support/route-database";
import { secrets } from "@/lib/keys/encrypted-columns";
import { decrypt, loadKeyRing } from "@/lib/vault";
import { allDrivers, type TestDatabase } from "@/tests/support/database";
import { loginClient } from "@/tests/support/login-routes";
import { startConsoleSandbox } from "@/tests/support/sandbox";
import { connectClient, createTelegramClient } from "../client";
import { signInWithPassword } from "./password";
import { recoverLoginFlows } from "./recover";

vi.mock("@/db", async () => (await import("@/tests/support/route-database")).testDbModule);

const sandbox = await startConsoleSandbox();
const password = "recover-2fa";
let phoneSeq = 0;

describe.each(allDrivers)("login recovery on %s", (driver) => {
  let database: TestDatabase;
  let api: ReturnType<typeof loginClient>;

  beforeAll(async () => {
    const route = await routeTestDatabase(driver);
    database = route.database;
    api = loginClient(route.admin);
  });
  afterAll(() => database.close());

  const recover = () => recoverLoginFlows({ db: database.db, ring: loadKeyRing() });
  const flowRow = async (id: string) =>
    (await database.db.query.loginFlows.findFirst({ where: eq(loginFlows.id, id) }))!;
  const liveAuthorizations = (phone: string) => sandbox.authorizations(phone).filter((a) => a.state === "active");

  /** A 2FA login at its password step, on a number of its own. */
  async function atPasswordStep(): Promise<{ id: string; phone: string }> {
    const phone = `999662${7000 + ++phoneSeq}`;
    sandbox.createAccount({ phone, password, hint: "recover" });
    const started = await api.start(phone);
    expect((await api.code(started.body.id, "22222")).body).toMatchObject({ step: "password" });
    return { id: started.body.id as string, phone };
  }

  /**
   * What a console killed inside the password step leaves: Telegram logged the flow's key in, the flow is
   * still at its step and held by a lock nobody will release (run out by now).
   */
  async function crashAfterTelegramAnswered(id: string, options: { expired?: boolean } = {}): Promise<void> {
    const flow = await flowRow(id);
    const client = await createTelegramClient(
      decrypt(loadKeyRing(), flow.sessionCiphertext!, secrets.loginSession.binding(id)),
    );
    try {
      await connectClient(client);
      await signInWithPassword(client, password);
    } finally {
      await client.destroy();
    }
    await abandon(id, options);
  }

  const abandon = (id: string, { expired = false }: { expired?: boolean }) =>
    database.db
      .update(loginFlows)
      .set({
        lockedUntil: sql`now() - interval '1 second'`,
        ...(expired ? { expiresAt: sql`now() - interval '1 second'` } : {}),
      })
      .where(eq(loginFlows.id, id));

  it("stores the session of a key Telegram logged in before the console died, with a system audit row", async () => {
    const { id, phone } = await atPasswordStep();
    await crashAfterTelegramAnswered(id);
    expect(liveAuthorizations(phone)).toHaveLength(1);

    expect(await recover()).toBe(1);
    const flow = await flowRow(id);
    expect(flow).toMatchObject({ step: "done", sessionCiphertext: null, lockedUntil: null });
    const session = await database.db.query.telegramSessions.findFirst({
      where: eq(telegramSessions.id, flow.resultSessionId!),
    });
    expect(session?.status).toBe("active");
    expect(liveAuthorizations(phone)).toHaveLength(1);
    const audit = await database.db.query.auditLog.findFirst({
      where: and(eq(auditLog.target, id), eq(auditLog.action, "telegram_login.recover")),
    });
    expect(audit).toMatchObject({ actorLabel: "system", outcome: "success" });
  });

  it("recovers such a key even after the flow expired, where expiry alone would have dropped it", async () => {
    const { id, phone } = await atPasswordStep();
    await crashAfterTelegramAnswered(id, { expired: true });

    expect(await recover()).toBe(1);
    expect((await flowRow(id)).step).toBe("done");
    expect(liveAuthorizations(phone)).toHaveLength(1);
  });

  it("gives a flow whose step died before Telegram answered back to the admin, who can finish it", async () => {
    const { id, phone } = await atPasswordStep();
    await abandon(id, {});

    expect(await recover()).toBe(0);
    expect(await flowRow(id)).toMatchObject({ step: "password", lockedUntil: null });
    expect((await api.password(id, password)).body).toMatchObject({ step: "done" });
    expect(liveAuthorizations(phone)).toHaveLength(1);
  });

  it("moves a flow a crash left at the code step after Telegram asked for the password on to the password step", async () => {
    const phone = `999662${7000 + ++phoneSeq}`;
    sandbox.createAccount({ phone, password, hint: "recover" });
    const started = await api.start(phone);
    const id = started.body.id as string;
    const flow = await flowRow(id);
    const client = await createTelegramClient(
      decrypt(loadKeyRing(), flow.sessionCiphertext!, secrets.loginSession.binding(id)),
    );
    const codeHash = decrypt(loadKeyRing(), flow.phoneCodeHashCiphertext!, secrets.loginPhoneCodeHash.binding(id));
    try {
      await connectClient(client);
      await expect(
        client.invoke(new Api.auth.SignIn({ phoneNumber: phone, phoneCodeHash: codeHash, phoneCode: "22222" })),
      ).rejects.toThrow(/SESSION_PASSWORD_NEEDED/);
    } finally {
      await client.destroy();
    }
    await abandon(id, {});

    expect(await recover()).toBe(0);
    expect((await api.code(id, "22222")).body).toMatchObject({ step: "password", passwordHint: "recover" });
    expect((await api.password(id, password)).body).toMatchObject({ step: "done" });
    expect(liveAuthorizations(phone)).toHaveLength(1);
  });

  it("expires such a flow once its time is up, destroying its key", async () => {
    const { id, phone } = await atPasswordStep();
    await abandon(id, { expired: true });

    expect(await recover()).toBe(1);
    expect(await flowRow(id)).toMatchObject({ step: "expired", sessionCiphertext: null, lockedUntil: null });
    expect(liveAuthorizations(phone)).toHaveLength(0);
  });

  it.each([2, 1])(
    "stores the session of a QR code the phone accepted after the admin walked away (account on DC%i)",
    async (dc) => {
      const phone = `99966${dc}${7000 + ++phoneSeq}`;
      sandbox.createAccount({ phone, firstName: "Qr" });
      const started = await api.startQr();
      sandbox.acceptLoginToken(phone, new URL(started.body.qr.url as string).searchParams.get("token")!);
      await database.db
        .update(loginFlows)
        .set({ expiresAt: sql`now() - interval '1 second'` })
        .where(eq(loginFlows.id, started.body.id as string));

      expect(await recover()).toBe(1);
      const done = await flowRow(started.body.id as string);
      expect(done.step).toBe("done");
      expect(liveAuthorizations(phone)).toHaveLength(1);
      const session = await database.db.query.telegramSessions.findFirst({
        where: eq(telegramSessions.id, done.resultSessionId!),
      });
      expect(session?.dcId).toBe(dc);
    },
  );

  it("leaves a flow alone while a live step holds it", async () => {
    const { id } = await atPasswordStep();
    await database.db
      .update(loginFlows)
      .set({ lockedUntil: sql`now() + interval '1 minute'` })
      .where(eq(loginFlows.id, id));

    expect(await recover()).toBe(0);
    expect((await flowRow(id)).lockedUntil!.getTime()).toBeGreaterThan(Date.now());
  });
});
