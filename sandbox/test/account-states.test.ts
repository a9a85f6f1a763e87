import { describe, expect, it } from "vitest";
import { Api } from "telegram";
import { destroy, login, newClient, sendCode, type TestSandbox, withTestSandbox } from "./helpers";

let sandbox: TestSandbox;
withTestSandbox((started) => (sandbox = started));

const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: { code?: number; errorMessage?: string }) => error,
  );

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response shapes are asserted field by field
async function control(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const response = await fetch(new URL(path, sandbox.info.control), {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

async function signedIn(phone: string) {
  const client = newClient(sandbox);
  await client.connect();
  await login(client, sandbox, phone);
  return client;
}

function configKeys(config: Api.help.TypeAppConfig): Record<string, unknown> {
  if (!(config instanceof Api.help.AppConfig)) throw new Error("expected help.appConfig");
  const object = config.config as Api.JsonObject;
  return Object.fromEntries(object.value.map((v) => [v.key, (v.value as { value: unknown }).value]));
}

describe("frozen accounts", () => {
  it("carries the freeze in help.getAppConfig and refuses write methods with 420 FROZEN_METHOD_INVALID", async () => {
    const phone = "9996628001";
    const client = await signedIn(phone);
    const before = await client.invoke(new Api.help.GetAppConfig({ hash: 0 }));
    expect(configKeys(before)).not.toHaveProperty("freeze_since_date");
    const unchanged = await client.invoke(new Api.help.GetAppConfig({ hash: (before as Api.help.AppConfig).hash }));
    expect(unchanged).toBeInstanceOf(Api.help.AppConfigNotModified);

    const frozen = await control("POST", `/accounts/${phone}/freeze`, {
      untilDays: 10,
      appealUrl: "https://t.me/SpamBot?start=appeal",
    });
    expect(frozen.status).toBe(200);
    expect(frozen.json.frozen.appealUrl).toBe("https://t.me/SpamBot?start=appeal");

    const keys = configKeys(
      await client.invoke(new Api.help.GetAppConfig({ hash: (before as Api.help.AppConfig).hash })),
    );
    expect(keys.freeze_appeal_url).toBe("https://t.me/SpamBot?start=appeal");
    expect(Number(keys.freeze_until_date) - Number(keys.freeze_since_date)).toBe(10 * 24 * 3600);
    expect(Math.abs(Number(keys.freeze_since_date) - Date.now() / 1000)).toBeLessThan(60);

    const write = await errorOf(client.invoke(new Api.account.SetAuthorizationTTL({ authorizationTtlDays: 30 })));
    expect(write).toMatchObject({ code: 420, errorMessage: "FROZEN_METHOD_INVALID" });
    expect((await client.invoke(new Api.account.GetAuthorizations())).authorizations).toHaveLength(1);
    expect((await client.getMe()).phone).toBe(phone);

    expect((await control("DELETE", `/accounts/${phone}/freeze`)).json.frozen).toBeNull();
    expect(await client.invoke(new Api.account.SetAuthorizationTTL({ authorizationTtlDays: 30 }))).toBe(true);
    expect(configKeys(await client.invoke(new Api.help.GetAppConfig({ hash: 0 })))).toEqual({});
    await destroy(client);
  });

  it("refuses bad freeze bodies and unknown accounts", async () => {
    expect((await control("POST", "/accounts/9996628002/freeze", { untilDays: 0 })).status).toBe(400);
    expect((await control("POST", "/accounts/9996628002/freeze", { appealUrl: "javascript:x" })).status).toBe(400);
    expect((await control("POST", "/accounts/9996628002/freeze")).status).toBe(404);
    expect((await control("POST", "/accounts/9996628002/ban")).status).toBe(404);
    expect((await control("POST", "/accounts/9996628002/restrict", { reason: "Spam!" })).status).toBe(400);
  });
});

describe("banned accounts", () => {
  it("answers the account's sessions with USER_DEACTIVATED_BAN and its number with PHONE_NUMBER_BANNED", async () => {
    const phone = "9996628003";
    const client = await signedIn(phone);
    expect((await control("POST", `/accounts/${phone}/ban`)).json.banned).toBe(true);
    const refused = await errorOf(client.invoke(new Api.users.GetUsers({ id: [new Api.InputUserSelf()] })));
    expect(refused).toMatchObject({ code: 401, errorMessage: "USER_DEACTIVATED_BAN" });

    const other = newClient(sandbox);
    await other.connect();
    expect(await errorOf(sendCode(other, phone))).toMatchObject({ code: 400, errorMessage: "PHONE_NUMBER_BANNED" });
    await destroy(client, other);
  });
});

describe("restricted accounts", () => {
  it("shows the account's own user as restricted with its reasons", async () => {
    const phone = "9996628004";
    const client = await signedIn(phone);
    expect((await client.getMe()).restricted).toBeFalsy();
    const restricted = await control("POST", `/accounts/${phone}/restrict`, { reason: "spam", text: "Spam reports" });
    expect(restricted.json.restrictions).toEqual([{ platform: "all", reason: "spam", text: "Spam reports" }]);
    const me = (await client.invoke(new Api.users.GetUsers({ id: [new Api.InputUserSelf()] })))[0] as Api.User;
    expect(me.restricted).toBe(true);
    expect(me.restrictionReason?.map((r) => [r.platform, r.reason, r.text])).toEqual([["all", "spam", "Spam reports"]]);
    await control("DELETE", `/accounts/${phone}/restrict`);
    expect((await client.getMe()).restricted).toBeFalsy();
    await destroy(client);
  });
});
