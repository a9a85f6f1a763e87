import { describe, expect, it } from "vitest";
import { Api } from "telegram";
import { FloodWaitError } from "telegram/errors";
import { checkPassword, destroy, login, newClient, sendCode, type TestSandbox, withTestSandbox } from "./helpers";

let sandbox: TestSandbox;
withTestSandbox((started) => (sandbox = started), { limits: { passwordAttemptsPerHour: 2, codeTtlSeconds: 1 } });

const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: { errorMessage?: string }) => error,
  );

describe("account and help methods", () => {
  it("answers getNearestDc, getState, getFullUser and setAuthorizationTTL for the signed-in user", async () => {
    const client = newClient(sandbox);
    await client.connect();
    expect((await client.invoke(new Api.help.GetNearestDc())).thisDc).toBe(2);
    await login(client, sandbox, "9996626001");
    expect((await client.invoke(new Api.updates.GetState())).date).toBeGreaterThan(0);
    const full = await client.invoke(new Api.users.GetFullUser({ id: new Api.InputUserSelf() }));
    expect((full.users[0] as Api.User).phone).toBe("9996626001");
    expect(await client.invoke(new Api.account.SetAuthorizationTTL({ authorizationTtlDays: 30 }))).toBe(true);
    expect((await client.invoke(new Api.account.GetAuthorizations())).authorizationTtlDays).toBe(30);
    await destroy(client);
  });

  it("resends a code, and a cancelled code is gone", async () => {
    const phone = "9996626002";
    const client = newClient(sandbox);
    await client.connect();
    const phoneCodeHash = await sendCode(client, phone);
    const resent = await client.invoke(new Api.auth.ResendCode({ phoneNumber: phone, phoneCodeHash }));
    expect((resent as Api.auth.SentCode).type).toBeInstanceOf(Api.auth.SentCodeTypeSms);
    expect(await client.invoke(new Api.auth.CancelCode({ phoneNumber: phone, phoneCodeHash }))).toBe(true);
    const signIn = client.invoke(new Api.auth.SignIn({ phoneNumber: phone, phoneCodeHash, phoneCode: "22222" }));
    expect((await errorOf(signIn))?.errorMessage).toBe("PHONE_CODE_EXPIRED");
    await destroy(client);
  });

  it("expires codes", async () => {
    const phone = "9996626003";
    const client = newClient(sandbox);
    await client.connect();
    const phoneCodeHash = await sendCode(client, phone);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const signIn = client.invoke(new Api.auth.SignIn({ phoneNumber: phone, phoneCodeHash, phoneCode: "22222" }));
    expect((await errorOf(signIn))?.errorMessage).toBe("PHONE_CODE_EXPIRED");
    await destroy(client);
  });

  it("answers repeated wrong passwords with FLOOD_WAIT_X", async () => {
    const phone = "9996626004";
    sandbox.createAccount({ phone, password: "right" });
    const client = newClient(sandbox);
    client.floodSleepThreshold = 0;
    await client.connect();
    const phoneCodeHash = await sendCode(client, phone);
    await errorOf(client.invoke(new Api.auth.SignIn({ phoneNumber: phone, phoneCodeHash, phoneCode: "22222" })));
    for (let i = 0; i < 2; i++)
      expect((await errorOf(checkPassword(client, "wrong")))?.errorMessage).toBe("PASSWORD_HASH_INVALID");
    expect(await errorOf(checkPassword(client, "wrong"))).toBeInstanceOf(FloodWaitError);
    await destroy(client);
  });
});
