import { Api, type TelegramClient } from "telegram";
import { AuthKey } from "telegram/crypto/AuthKey.js";
import * as Authenticator from "telegram/network/Authenticator.js";
import { afterEach, describe, expect, it, vi } from "vitest";
import { destroy, sendCode } from "@/sandbox/test/helpers";
import { startConsoleSandbox, testPhones } from "@/tests/support/sandbox";
import { createAuthKey, type AuthKeyTarget } from "./auth-key-worker";
import { connectClient, createTelegramClient } from "./client";
import { TelegramFailure } from "./errors";

const sandbox = await startConsoleSandbox({ TELEGRAM_CONNECT_TIMEOUT_MS: "3000" });
const nextPhone = testPhones(8300);
const dc2 = sandbox.info.dcs.find((dc) => dc.id === 2)!;
const dc2Target: AuthKeyTarget = {
  host: dc2.host,
  port: dc2.port,
  dcId: 2,
  rsaKey: { pem: sandbox.info.rsaPublicKeyPem, fingerprint: sandbox.info.fingerprint },
  retries: 2,
  retryDelayMs: 100,
};

/** phone → code on `client` (already connected); Telegram answering with an authorization proves it accepted the key. */
async function signIn(client: TelegramClient) {
  const phone = nextPhone();
  sandbox.createAccount({ phone });
  const phoneCodeHash = await sendCode(client, phone);
  return client.invoke(new Api.auth.SignIn({ phoneNumber: phone, phoneCodeHash, phoneCode: "22222" }));
}

/** g^ab of the 2048-bit group, kept (as GramJS, Telethon and the sandbox keep it) in its shortest big-endian form. */
function expectAuthKey(key: Buffer | Uint8Array): void {
  expect(key.length).toBeLessThanOrEqual(256);
  expect(key.length).toBeGreaterThan(248);
}

describe("createAuthKey", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    sandbox.clearFaults();
  });

  it("makes a key the sandbox signs a login in with", async () => {
    const made = await createAuthKey(dc2Target);
    expectAuthKey(made.key);
    const client = await createTelegramClient("");
    try {
      await client._initSession();
      const authKey = new AuthKey();
      await authKey.setKey(made.key);
      client.session.setAuthKey(authKey);
      const onThisThread = vi.spyOn(Authenticator, "doAuthentication");
      await client.connect();
      expect(onThisThread).not.toHaveBeenCalled();
      expect(await signIn(client)).toBeInstanceOf(Api.auth.Authorization);
    } finally {
      await destroy(client);
    }
  });

  it("connectClient gives a new session a worker-made key: GramJS's exchange never runs here, and timers keep firing", async () => {
    const onThisThread = vi.spyOn(Authenticator, "doAuthentication");
    const client = await createTelegramClient("");
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    try {
      await connectClient(client);
      clearInterval(timer);
      expect(onThisThread).not.toHaveBeenCalled();
      // GramJS's exchange yields only between packets: the factorisation and DH maths would hold timers back.
      expect(ticks).toBeGreaterThanOrEqual(2);
      expect(await signIn(client)).toBeInstanceOf(Api.auth.Authorization);
    } finally {
      clearInterval(timer);
      await destroy(client);
    }
  });

  it.each(["404", "drop"] as const)(
    "survives one %s during the exchange by redialling, as GramJS does",
    async (kind) => {
      sandbox.addTransportFault({ kind, times: 1 });
      const made = await createAuthKey(dc2Target);
      expectAuthKey(made.key);
    },
  );

  it.each(["404", "drop"] as const)(
    "a %s on every attempt fails as a transient NETWORK failure, never a raw error",
    async (kind) => {
      sandbox.addTransportFault({ kind, times: dc2Target.retries });
      await expect(createAuthKey(dc2Target)).rejects.toEqual(new TelegramFailure("transient", "NETWORK"));
    },
  );

  it("connectClient under a stalled exchange fails with the connect deadline's transient TIMEOUT, and the next login works", async () => {
    sandbox.addTransportFault({ kind: "stall", times: 1 });
    const stalled = await createTelegramClient("");
    try {
      await expect(connectClient(stalled)).rejects.toEqual(new TelegramFailure("transient", "TIMEOUT"));
    } finally {
      await destroy(stalled);
    }
    const client = await createTelegramClient("");
    try {
      await connectClient(client);
      expect(await signIn(client)).toBeInstanceOf(Api.auth.Authorization);
    } finally {
      await destroy(client);
    }
  });

  it("a worker failure reaches the caller of connectClient as the same transient failure", async () => {
    sandbox.addTransportFault({ kind: "404", times: 2 });
    const client = await createTelegramClient("");
    try {
      await expect(connectClient(client)).rejects.toBeInstanceOf(TelegramFailure);
      expect(client.session.getAuthKey()?.getKey()).toBeUndefined();
    } finally {
      await destroy(client);
    }
  });
});
