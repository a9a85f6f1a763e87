import { MemoryStorage, PaddedIntermediatePacketCodec, TcpTransport, TelegramClient, tl } from "@mtcute/node";
import { addPublicKey, NodeCryptoProvider } from "@mtcute/node/utils.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestSandbox } from "@/tests/support/sandbox";

const API_ID = 12345;
const API_HASH = "0123456789abcdef0123456789abcdef";
const DEVICE = { deviceModel: "mtcute device", systemVersion: "Linux (vitest)", appVersion: "0.30.3" };

class PaddedTcpTransport extends TcpTransport {
  override packetCodec() {
    return new PaddedIntermediatePacketCodec();
  }
}

/**
 * mtcute, unmodified, against the sandbox through its own options: `addPublicKey` (the server key, `old` picking
 * the pre-RSA_PAD encryption) and `defaultDcs` (the DC it starts on; help.getConfig gives it the others).
 */
describe("mtcute 0.30 (layer 227, unmodified) against the sandbox", () => {
  let sandbox: Awaited<ReturnType<typeof startTestSandbox>>;
  const clients: TelegramClient[] = [];
  let seq = 0;
  const phone = (dc: number) => `99966${dc}73${String(++seq).padStart(2, "0")}`;
  const useKey = (old: boolean) => addPublicKey(new NodeCryptoProvider(), sandbox.info.rsaPublicKeyPem, old);

  function client(dc = 2, extra: { session?: string; transport?: TcpTransport } = {}): TelegramClient {
    const endpoint = sandbox.info.dcs.find((d) => d.id === dc)!;
    const option = { id: dc, ipAddress: endpoint.address, port: endpoint.port };
    const tg = new TelegramClient({
      apiId: API_ID,
      apiHash: API_HASH,
      storage: new MemoryStorage(),
      defaultDcs: { main: option, media: option },
      initConnectionOptions: DEVICE,
      ...(extra.transport && { transport: extra.transport }),
      logLevel: Number(process.env.MTCUTE_LOG ?? 0),
    });
    clients.push(tg);
    return tg;
  }

  async function login(tg: TelegramClient, number: string, password?: string) {
    const sent = await tg.sendCode({ phone: number });
    if (!("phoneCodeHash" in sent)) throw new Error("expected a sent code");
    try {
      await tg.signIn({ phone: number, phoneCodeHash: sent.phoneCodeHash, phoneCode: sandbox.lastCode(number)!.code });
    } catch (error) {
      if (!password || !tl.RpcError.is(error, "SESSION_PASSWORD_NEEDED")) throw error;
      await tg.checkPassword(password);
    }
    const me = await tg.getMe();
    expect(me.phoneNumber).toBe(number);
    return me;
  }

  const rpcError = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: unknown) => (error instanceof tl.RpcError ? error : undefined),
    );
  const getSelf = (tg: TelegramClient) => tg.call({ _: "users.getUsers", id: [{ _: "inputUserSelf" }] });

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    useKey(false);
  });
  afterAll(async () => {
    await Promise.all(clients.map((tg) => tg.destroy().catch(() => undefined)));
    await sandbox?.cleanup();
  });

  it.each([
    ["RSA_PAD", false, undefined],
    ["the older RSA(sha1 + data + padding)", true, undefined],
    ["padded intermediate transport", false, new PaddedTcpTransport()],
  ] as const)("makes an auth key with %s", async (_, old, transport) => {
    useKey(old);
    try {
      const tg = client(2, { transport });
      const config = await tg.call({ _: "help.getConfig" });
      expect(config.thisDc).toBe(2);
      expect(config.dcOptions.map((o) => `${o.id}@${o.ipAddress}`)).toEqual(
        sandbox.info.dcs.map((d) => `${d.id}@${d.address}`),
      );
    } finally {
      useKey(false);
    }
  });

  it("logs in with a code, and a wrong code gets PHONE_CODE_INVALID", async () => {
    const number = phone(2);
    const tg = client();
    const sent = await tg.sendCode({ phone: number });
    if (!("phoneCodeHash" in sent)) throw new Error("expected a sent code");
    const wrong = await rpcError(tg.signIn({ phone: number, phoneCodeHash: sent.phoneCodeHash, phoneCode: "00000" }));
    expect(wrong?.text).toBe("PHONE_CODE_INVALID");
    await tg.signIn({ phone: number, phoneCodeHash: sent.phoneCodeHash, phoneCode: sandbox.lastCode(number)!.code });
    expect((await tg.getMe()).phoneNumber).toBe(number);
    expect(sandbox.log(number).every((e) => e.layer === 227)).toBe(true);
  });

  it("passes 2FA with mtcute's own SRP; a wrong password gets PASSWORD_HASH_INVALID", async () => {
    const number = phone(2);
    sandbox.createAccount({ phone: number, password: "mtcute-2fa" });
    const tg = client();
    const sent = await tg.sendCode({ phone: number });
    if (!("phoneCodeHash" in sent)) throw new Error("expected a sent code");
    const needed = await rpcError(
      tg.signIn({ phone: number, phoneCodeHash: sent.phoneCodeHash, phoneCode: sandbox.lastCode(number)!.code }),
    );
    expect(needed?.text).toBe("SESSION_PASSWORD_NEEDED");
    expect((await rpcError(tg.checkPassword("not-it")))?.text).toBe("PASSWORD_HASH_INVALID");
    expect((await tg.checkPassword("mtcute-2fa")).phoneNumber).toBe(number);
  });

  it("resumes from an exported session, and GetAuthorizations shows the device fields sent", async () => {
    const number = phone(2);
    const first = client();
    const me = await login(first, number);
    const saved = await first.exportSession();
    await first.destroy();
    const again = client();
    await again.importSession(saved);
    expect((await again.getMe()).id).toBe(me.id);
    const { authorizations } = await again.call({ _: "account.getAuthorizations" });
    const current = authorizations.find((a) => a.current)!;
    expect(current).toMatchObject({ ...DEVICE, apiId: API_ID });
  });

  it.each([
    ["on DC2", 2, undefined],
    ["with 2FA after it", 2, "qr-2fa"],
    ["for an account on DC1", 1, undefined],
    ["for an account on DC3", 3, undefined],
  ] as const)("logs in by QR accepted from a second client %s", async (_, dc, password) => {
    const number = phone(dc);
    if (password) sandbox.createAccount({ phone: number, password });
    const owner = client(dc);
    await login(owner, number, password);
    const scanner = client();
    const me = await scanner.signInQr({
      password,
      onUrlUpdated: (url) => {
        const token = Buffer.from(new URL(url).searchParams.get("token")!, "base64url");
        void owner.call({ _: "auth.acceptLoginToken", token });
      },
    });
    expect(me.phoneNumber).toBe(number);
    expect(sandbox.authorizations(number).map((a) => a.dcId)).toEqual([dc, dc]);
  });

  it("gets AUTH_KEY_UNREGISTERED on a logged-out session", async () => {
    const number = phone(2);
    const tg = client();
    await login(tg, number);
    const saved = await tg.exportSession();
    await tg.logOut();
    expect(sandbox.authorizations(number).map((a) => a.state)).toEqual(["logged_out"]);
    const again = client();
    await again.importSession(saved);
    expect((await rpcError(getSelf(again)))?.text).toBe("AUTH_KEY_UNREGISTERED");
  });

  it("surfaces a FLOOD_WAIT fault longer than its sleep threshold", async () => {
    const number = phone(2);
    const tg = client();
    await login(tg, number);
    sandbox.addFault({ method: "users.getUsers", error: "FLOOD_WAIT_30", code: 420, phone: number, times: 1 });
    const error = await rpcError(getSelf(tg));
    expect(error?.is("FLOOD_WAIT_%d") && [error.code, error.seconds]).toEqual([420, 30]);
  });

  it("gets SESSION_REVOKED once the owner terminates the session", async () => {
    const number = phone(2);
    const tg = client();
    await login(tg, number);
    const [authorization] = sandbox.authorizations(number);
    sandbox.revokeAuthorization(authorization!.id);
    expect((await rpcError(getSelf(tg)))?.text).toBe("SESSION_REVOKED");
  });

  it.each([1, 3])("follows PHONE_MIGRATE to DC%i at the address help.getConfig gave", async (dc) => {
    const number = phone(dc);
    const tg = client(2);
    await login(tg, number);
    expect(sandbox.authorizations(number).map((a) => a.dcId)).toEqual([dc]);
    expect(sandbox.log(number).some((e) => e.dcId === 2 && e.result === `PHONE_MIGRATE_${dc}`)).toBe(true);
  });

  it("stays connected past its 15-minute no-updates timer, which asks for getDifference", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    try {
      const number = phone(2);
      const tg = client();
      await login(tg, number);
      await tg.startUpdatesLoop();
      const before = sandbox.log(number).filter((e) => e.method === "updates.GetDifference").length;
      await vi.advanceTimersByTimeAsync(15 * 60 * 1000);
      await vi.waitFor(() => {
        const after = sandbox.log(number).filter((e) => e.method === "updates.GetDifference");
        expect(after.length).toBeGreaterThan(before);
        expect(after.every((e) => e.result === "ok")).toBe(true);
      });
      expect((await tg.getMe()).phoneNumber).toBe(number);
    } finally {
      vi.useRealTimers();
    }
  });

  it("fetches future salts, answered with future_salts", () => {
    expect(sandbox.log().filter((e) => e.method === "get_future_salts").length).toBeGreaterThan(0);
  });
});
