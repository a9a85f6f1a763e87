import { describe, expect, it } from "vitest";
import { Api, type TelegramClient } from "telegram";
import {
  API_HASH,
  API_ID,
  destroy,
  login,
  newClient,
  removeDir,
  startTestSandbox,
  type TestSandbox,
  withTestSandbox,
} from "./helpers";

let sandbox: TestSandbox;
withTestSandbox((started) => (sandbox = started));

const exportToken = (client: TelegramClient) =>
  client.invoke(new Api.auth.ExportLoginToken({ apiId: API_ID, apiHash: API_HASH, exceptIds: [] }));

async function qrClient(deviceModel: string): Promise<{ client: TelegramClient; token: Buffer }> {
  const client = newClient(sandbox, "", 2, deviceModel);
  await client.connect();
  const exported = await exportToken(client);
  if (!(exported instanceof Api.auth.LoginToken)) throw new Error("expected auth.LoginToken");
  return { client, token: exported.token };
}

const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: { errorMessage?: string }) => error.errorMessage,
  );

describe("QR login", () => {
  const phone = "9996623001";

  it("exports a token on a new client, accepts it through the control API, and signs the client in", async () => {
    const { client, token } = await qrClient("qr via control");
    sandbox.acceptLoginToken(phone, token.toString("base64url"));
    const result = await exportToken(client);
    expect(result).toBeInstanceOf(Api.auth.LoginTokenSuccess);
    expect((await client.getMe()).phone).toBe(phone);
    await destroy(client);
  });

  it("accepts a token with auth.acceptLoginToken from another authorised client, and both appear in getAuthorizations", async () => {
    const phoneClient = newClient(sandbox, "", 2, "owner's phone");
    await phoneClient.connect();
    await login(phoneClient, sandbox, phone);
    const { client, token } = await qrClient("scanned desktop");

    const accepted = await phoneClient.invoke(new Api.auth.AcceptLoginToken({ token }));
    expect(accepted.deviceModel).toBe("scanned desktop");
    expect(await exportToken(client)).toBeInstanceOf(Api.auth.LoginTokenSuccess);
    expect((await client.getMe()).phone).toBe(phone);

    const { authorizations, authorizationTtlDays } = await phoneClient.invoke(new Api.account.GetAuthorizations());
    expect(authorizationTtlDays).toBeGreaterThan(0);
    const current = authorizations.find((a) => a.current)!;
    const scanned = authorizations.find((a) => a.deviceModel === "scanned desktop")!;
    expect(current.deviceModel).toBe("owner's phone");
    expect(current.hash.toString()).toBe("0");
    expect(scanned).toMatchObject({
      apiId: API_ID,
      appVersion: "1.2.3",
      systemVersion: "Linux 6.1 (vitest)",
      ip: "127.0.0.1",
    });
    expect(scanned.dateCreated).toBeGreaterThan(0);

    const listed = sandbox.authorizations(phone).filter((a) => a.state === "active");
    expect(listed.map((a) => a.device.model)).toEqual(expect.arrayContaining(["owner's phone", "scanned desktop"]));
    await destroy(phoneClient, client);
  });

  it("follows loginTokenMigrateTo when the account lives on another DC (GramJS's signInUserWithQrCode)", async () => {
    const dc1Phone = "9996613001";
    sandbox.createAccount({ phone: dc1Phone });
    const client = newClient(sandbox, "", 2, "qr migrate");
    await client.connect();
    const user = await client.signInUserWithQrCode(
      { apiId: API_ID, apiHash: API_HASH },
      {
        qrCode: async ({ token }) => sandbox.acceptLoginToken(dc1Phone, token.toString("base64url")),
        onError: (error) => {
          throw error;
        },
      },
    );
    expect((user as Api.User).phone).toBe(dc1Phone);
    expect(client.session.dcId).toBe(1);
    await destroy(client);
  });

  it("answers AUTH_TOKEN_ALREADY_ACCEPTED, AUTH_TOKEN_INVALID and AUTH_TOKEN_EXPIRED", async () => {
    const { client, token } = await qrClient("qr errors");
    sandbox.acceptLoginToken(phone, token.toString("hex"));
    expect(() => sandbox.acceptLoginToken(phone, token.toString("hex"))).toThrow("AUTH_TOKEN_ALREADY_ACCEPTED");
    expect(await errorOf(client.invoke(new Api.auth.ImportLoginToken({ token: Buffer.alloc(32, 1) })))).toBe(
      "AUTH_TOKEN_INVALID",
    );
    await destroy(client);

    const short = await startTestSandbox({ limits: { loginTokenTtlSeconds: -1 } });
    try {
      const expiring = newClient(short);
      await expiring.connect();
      const exported = (await exportToken(expiring)) as Api.auth.LoginToken;
      expect(() => short.acceptLoginToken(phone, exported.token.toString("hex"))).toThrow("AUTH_TOKEN_EXPIRED");
      expect(await errorOf(expiring.invoke(new Api.auth.ImportLoginToken({ token: exported.token })))).toBe(
        "AUTH_TOKEN_EXPIRED",
      );
      await destroy(expiring);
    } finally {
      await short.close();
      removeDir(short.dataDir);
    }
  });
});
