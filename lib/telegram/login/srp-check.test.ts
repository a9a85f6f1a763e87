import { Api, password as gramjsSrp } from "telegram";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { destroy, newClient, sendCode } from "@/sandbox/test/helpers";
import { startTestSandbox } from "@/tests/support/sandbox";
import { computeSrpCheck } from "./srp-check";

const sandbox = await startTestSandbox();
afterAll(() => sandbox.cleanup());
const password = "srp-worker-2fa";
let phoneSeq = 0;

/** A connected client whose login stopped at SESSION_PASSWORD_NEEDED, and the account's password parameters. */
async function atPasswordStep() {
  const phone = `999662${String(8100 + ++phoneSeq)}`;
  sandbox.createAccount({ phone, password });
  const client = newClient(sandbox);
  await client.connect();
  const phoneCodeHash = await sendCode(client, phone);
  await expect(
    client.invoke(new Api.auth.SignIn({ phoneNumber: phone, phoneCodeHash, phoneCode: sandbox.lastCode(phone)!.code })),
  ).rejects.toMatchObject({ errorMessage: "SESSION_PASSWORD_NEEDED" });
  return { client, request: await client.invoke(new Api.account.GetPassword()) };
}

describe("computeSrpCheck", () => {
  afterEach(() => vi.restoreAllMocks());

  it("proves the right password: Telegram signs the key in", async () => {
    const { client, request } = await atPasswordStep();
    try {
      const check = await computeSrpCheck(request, password);
      expect(check).toBeInstanceOf(Api.InputCheckPasswordSRP);
      expect(await client.invoke(new Api.auth.CheckPassword({ password: check }))).toBeInstanceOf(
        Api.auth.Authorization,
      );
    } finally {
      await destroy(client);
    }
  });

  it("a wrong password gives a proof Telegram refuses with PASSWORD_HASH_INVALID", async () => {
    const { client, request } = await atPasswordStep();
    try {
      const check = await computeSrpCheck(request, "not-the-password");
      await expect(client.invoke(new Api.auth.CheckPassword({ password: check }))).rejects.toMatchObject({
        errorMessage: "PASSWORD_HASH_INVALID",
      });
    } finally {
      await destroy(client);
    }
  });

  it("computes off this thread: GramJS's computeCheck is not called here, and timers keep firing meanwhile", async () => {
    const { client, request } = await atPasswordStep();
    const onThisThread = vi.spyOn(gramjsSrp, "computeCheck");
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    try {
      await computeSrpCheck(request, password);
    } finally {
      clearInterval(timer);
      await destroy(client);
    }
    expect(onThisThread).not.toHaveBeenCalled();
    // GramJS's computeCheck yields only to microtasks: on this thread no timer could fire until it is done.
    expect(ticks).toBeGreaterThanOrEqual(2);
  });

  it("serves concurrent proofs from one worker, each answered with its own request's proof", async () => {
    const logins = await Promise.all([atPasswordStep(), atPasswordStep(), atPasswordStep()]);
    try {
      const checks = await Promise.all(
        logins.map(({ request }, i) => computeSrpCheck(request, i === 1 ? "wrong" : password)),
      );
      const answers = await Promise.allSettled(
        logins.map(({ client }, i) => client.invoke(new Api.auth.CheckPassword({ password: checks[i]! }))),
      );
      expect(answers.map((answer) => answer.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    } finally {
      await Promise.all(logins.map(({ client }) => destroy(client)));
    }
  });

  it("an account without the SRP algorithm is refused with GramJS's message", async () => {
    const request = new Api.account.Password({
      hasPassword: false,
      newAlgo: new Api.PasswordKdfAlgoUnknown(),
      newSecureAlgo: new Api.SecurePasswordKdfAlgoUnknown(),
      secureRandom: Buffer.alloc(8),
    });
    await expect(computeSrpCheck(request, password)).rejects.toThrow(/Unsupported password algorithm/);
  });
});
