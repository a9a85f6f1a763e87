import { describe, expect, it } from "vitest";
import { Api } from "telegram";
import { FloodWaitError } from "telegram/errors";
import {
  API_HASH,
  API_ID,
  checkPassword,
  destroy,
  login,
  newClient,
  sendCode,
  type TestSandbox,
  withTestSandbox,
} from "./helpers";

let sandbox: TestSandbox;
withTestSandbox((started) => (sandbox = started), { limits: { sendCodePerHour: 3 } });

const errorOf = (promise: Promise<unknown>): Promise<{ errorMessage?: string; code?: number }> =>
  promise.then(
    () => ({}),
    (error: { errorMessage?: string; code?: number }) => error,
  );

describe("login against the sandbox DC", () => {
  it("connects and gets a config listing every DC", async () => {
    const client = newClient(sandbox);
    await client.connect();
    const config = await client.invoke(new Api.help.GetConfig());
    expect(config.thisDc).toBe(2);
    expect(config.dcOptions.map((dc) => dc.id)).toEqual([1, 2, 3]);
    await destroy(client);
  });

  it("signs in without 2FA", async () => {
    const client = newClient(sandbox);
    await client.connect();
    await login(client, sandbox, "9996620001");
    const me = await client.getMe();
    expect(me.phone).toBe("9996620001");
    expect(await client.isUserAuthorized()).toBe(true);
    await destroy(client);
  });

  it("signs in with 2FA through computeCheck; a wrong password gets PASSWORD_HASH_INVALID", async () => {
    const phone = "9996620002";
    sandbox.createAccount({ phone, password: "s3cret", hint: "the usual" });
    const client = newClient(sandbox);
    await client.connect();
    const phoneCodeHash = await sendCode(client, phone);
    const signIn = client.invoke(new Api.auth.SignIn({ phoneNumber: phone, phoneCodeHash, phoneCode: "22222" }));
    expect((await errorOf(signIn)).errorMessage).toBe("SESSION_PASSWORD_NEEDED");
    expect((await client.invoke(new Api.account.GetPassword())).hint).toBe("the usual");
    expect((await errorOf(checkPassword(client, "wrong"))).errorMessage).toBe("PASSWORD_HASH_INVALID");
    expect(await client.isUserAuthorized()).toBe(false);
    await checkPassword(client, "s3cret");
    expect((await client.getMe()).phone).toBe(phone);
    await destroy(client);
  });

  it("reusing an SRP id gets SRP_ID_INVALID", async () => {
    const phone = "9996620003";
    sandbox.createAccount({ phone, password: "pw" });
    const client = newClient(sandbox);
    await client.connect();
    const phoneCodeHash = await sendCode(client, phone);
    await errorOf(client.invoke(new Api.auth.SignIn({ phoneNumber: phone, phoneCodeHash, phoneCode: "22222" })));
    const { computeCheck } = await import("telegram/Password");
    const check = await computeCheck(await client.invoke(new Api.account.GetPassword()), "nope");
    await errorOf(client.invoke(new Api.auth.CheckPassword({ password: check })));
    const again = await errorOf(client.invoke(new Api.auth.CheckPassword({ password: check })));
    expect(again.errorMessage).toBe("SRP_ID_INVALID");
    await destroy(client);
  });

  it("logs in through GramJS's own start() flow with 2FA", async () => {
    const phone = "9996620004";
    sandbox.createAccount({ phone, password: "pw2", firstName: "Start" });
    const client = newClient(sandbox);
    await client.start({
      phoneNumber: async () => phone,
      phoneCode: async () => sandbox.lastCode(phone)!.code,
      password: async () => "pw2",
      onError: (error) => {
        throw error;
      },
    });
    expect((await client.getMe()).firstName).toBe("Start");
    await destroy(client);
  });

  it("accepts the code on a client restored from the session saved after sendCode; a fresh key gets PHONE_CODE_EXPIRED", async () => {
    const phone = "9996620005";
    const first = newClient(sandbox);
    await first.connect();
    const phoneCodeHash = await sendCode(first, phone);
    const saved = first.session.save() as unknown as string;
    await destroy(first);
    const signIn = new Api.auth.SignIn({ phoneNumber: phone, phoneCodeHash, phoneCode: "22222" });

    const fresh = newClient(sandbox);
    await fresh.connect();
    expect((await errorOf(fresh.invoke(signIn))).errorMessage).toBe("PHONE_CODE_EXPIRED");
    await destroy(fresh);

    const restored = newClient(sandbox, saved);
    await restored.connect();
    await restored.invoke(signIn);
    expect((await restored.getMe()).phone).toBe(phone);
    await destroy(restored);
  });

  it("answers a wrong code with PHONE_CODE_INVALID and an empty one with PHONE_CODE_EMPTY", async () => {
    const phone = "9996620006";
    const client = newClient(sandbox);
    await client.connect();
    const phoneCodeHash = await sendCode(client, phone);
    const attempt = (phoneCode: string) =>
      errorOf(client.invoke(new Api.auth.SignIn({ phoneNumber: phone, phoneCodeHash, phoneCode })));
    expect((await attempt("12345")).errorMessage).toBe("PHONE_CODE_INVALID");
    expect((await attempt("")).errorMessage).toBe("PHONE_CODE_EMPTY");
    await destroy(client);
  });

  it("follows PHONE_MIGRATE_X to the number's home DC", async () => {
    const phone = "9996610007";
    const client = newClient(sandbox, "", 2);
    await client.connect();
    await login(client, sandbox, phone);
    expect(client.session.dcId).toBe(1);
    expect((await client.getMe()).phone).toBe(phone);
    expect(sandbox.log(phone).some((e) => e.dcId === 2 && e.result === "PHONE_MIGRATE_1")).toBe(true);
    await destroy(client);
  });

  it("signs up a number that has no account", async () => {
    const phone = "15550001234";
    const client = newClient(sandbox);
    await client.connect();
    const phoneCodeHash = await sendCode(client, phone);
    const code = sandbox.lastCode(phone)!.code;
    const result = await client.invoke(new Api.auth.SignIn({ phoneNumber: phone, phoneCodeHash, phoneCode: code }));
    expect(result).toBeInstanceOf(Api.auth.AuthorizationSignUpRequired);
    await client.invoke(
      new Api.auth.SignUp({ phoneNumber: phone, phoneCodeHash, firstName: "New", lastName: "Person" }),
    );
    expect((await client.getMe()).firstName).toBe("New");
    await destroy(client);
  });

  it("limits sendCode per number with FLOOD_WAIT_X", async () => {
    const phone = "9996620008";
    const client = newClient(sandbox);
    client.floodSleepThreshold = 0;
    await client.connect();
    for (let i = 0; i < 3; i++) await sendCode(client, phone);
    const error = await errorOf(sendCode(client, phone));
    expect(error).toBeInstanceOf(FloodWaitError);
    expect((error as FloodWaitError).seconds).toBeGreaterThan(3500);
    await destroy(client);
  });

  it("rejects malformed numbers with PHONE_NUMBER_INVALID", async () => {
    const client = newClient(sandbox);
    await client.connect();
    const sent = client.invoke(
      new Api.auth.SendCode({
        phoneNumber: "12",
        apiId: API_ID,
        apiHash: API_HASH,
        settings: new Api.CodeSettings({}),
      }),
    );
    expect((await errorOf(sent)).errorMessage).toBe("PHONE_NUMBER_INVALID");
    await destroy(client);
  });
});
