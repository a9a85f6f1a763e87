import { randomBytes } from "node:crypto";
import { CONCURRENT_KEY_USE } from "../mtproto/encrypted-session";
import { describe, expect, it } from "vitest";
import { Api, type TelegramClient } from "telegram";
import { FloodWaitError } from "telegram/errors";
import { Logger, LogLevel } from "telegram/extensions/Logger";
import { ConnectionTCPFull } from "telegram/network/connection/TCPFull";
import { sandboxSocketClass } from "../client";
import type { Sandbox } from "../sandbox";
import { destroy, login, newClient, removeDir, startTestSandbox, type TestSandbox, withTestSandbox } from "./helpers";

let sandbox: TestSandbox;
withTestSandbox((started) => (sandbox = started));

const errorOf = (promise: Promise<unknown>): Promise<{ errorMessage?: string; code?: number }> =>
  promise.then(
    () => ({}),
    (error: { errorMessage?: string; code?: number }) => error,
  );

async function signedIn(
  phone: string,
  deviceModel?: string,
  sb: Sandbox = sandbox,
): Promise<{ client: TelegramClient; saved: string }> {
  const client = newClient(sb, "", Number(phone[5]), deviceModel);
  await client.connect();
  return { client, saved: await login(client, sb, phone) };
}

const getSelf = (client: TelegramClient) => client.invoke(new Api.users.GetUsers({ id: [new Api.InputUserSelf()] }));

describe("Telegram's errors, as the GramJS client sees them", () => {
  it("surfaces an injected FLOOD_WAIT_X as FloodWaitError with the right seconds, once", async () => {
    const { client } = await signedIn("9996621001");
    client.floodSleepThreshold = 0;
    sandbox.addFault({ method: "users.GetUsers", error: "FLOOD_WAIT_30", code: 420, times: 1, phone: "9996621001" });
    const error = await errorOf(getSelf(client));
    expect(error).toBeInstanceOf(FloodWaitError);
    expect((error as FloodWaitError).seconds).toBe(30);
    expect(await getSelf(client)).toHaveLength(1);
    await destroy(client);
  });

  it("answers an unauthorised key with AUTH_KEY_UNREGISTERED", async () => {
    const client = newClient(sandbox);
    await client.connect();
    expect((await errorOf(getSelf(client))).errorMessage).toBe("AUTH_KEY_UNREGISTERED");
    expect(await client.isUserAuthorized()).toBe(false);
    await destroy(client);
  });

  it("answers SESSION_REVOKED once the owner terminates the session", async () => {
    const { client } = await signedIn("9996621002");
    const [authorization] = sandbox.authorizations("9996621002");
    sandbox.revokeAuthorization(authorization!.id);
    expect((await errorOf(getSelf(client))).errorMessage).toBe("SESSION_REVOKED");
    await destroy(client);
  });

  it("answers AUTH_KEY_UNREGISTERED after auth.logOut", async () => {
    const { client, saved } = await signedIn("9996621003");
    const loggedOut = await client.invoke(new Api.auth.LogOut());
    expect(loggedOut.futureAuthToken).toBeInstanceOf(Buffer);
    await destroy(client);
    const again = newClient(sandbox, saved);
    await again.connect();
    expect((await errorOf(getSelf(again))).errorMessage).toBe("AUTH_KEY_UNREGISTERED");
    await destroy(again);
  });

  it("lets one address use a key on two connections at once, and logs it as concurrent_key_use", async () => {
    const { client, saved } = await signedIn("9996621004");
    expect(sandbox.log("9996621004").some((e) => e.result === CONCURRENT_KEY_USE)).toBe(false);
    const twin = newClient(sandbox, saved);
    await twin.connect();
    expect(await getSelf(twin)).toBeDefined();
    expect(await getSelf(client)).toBeDefined();
    const logged = sandbox.log("9996621004").filter((e) => e.result === CONCURRENT_KEY_USE);
    expect(logged.length).toBeGreaterThan(0);
    expect(sandbox.log("9996621004").some((e) => e.result === "AUTH_KEY_DUPLICATED")).toBe(false);
    await destroy(client, twin);
  });

  it("forbids a fresh session to terminate others: FRESH_RESET_AUTHORISATION_FORBIDDEN", async () => {
    const first = await signedIn("9996621005");
    const second = await signedIn("9996621005");
    const other = (await second.client.invoke(new Api.account.GetAuthorizations())).authorizations.find(
      (a) => !a.current,
    )!;
    const reset = second.client.invoke(new Api.account.ResetAuthorization({ hash: other.hash }));
    expect((await errorOf(reset)).errorMessage).toBe("FRESH_RESET_AUTHORISATION_FORBIDDEN");
    await destroy(first.client, second.client);
  });

  it("answers a method it does not implement with an rpc_error, not silence", async () => {
    const { client } = await signedIn("9996621006");
    const call = client.invoke(new Api.contacts.GetContacts({ hash: 0 as never }));
    expect((await errorOf(call)).errorMessage).toBe("INPUT_METHOD_INVALID");
    await destroy(client);
  });

  it("answers an auth key it never saw with transport error -404", async () => {
    const dc = sandbox.info.dcs[1]!;
    const log = new Logger(LogLevel.NONE);
    const Socket = sandboxSocketClass(sandbox.info);
    const connection = new ConnectionTCPFull({
      ip: dc.address,
      port: 80,
      dcId: dc.id,
      loggers: log,
      socket: Socket,
      testServers: false,
    });
    await connection.connect();
    await connection.send(randomBytes(24 + 64));
    const reply = await connection.recv();
    expect(reply.readInt32LE(0)).toBe(-404);
    await connection.disconnect();
  });

  it("delays answers on an injected transport delay", async () => {
    const { client } = await signedIn("9996621007");
    sandbox.addTransportFault({ kind: "delay", ms: 400, phone: "9996621007" });
    const started = Date.now();
    await getSelf(client);
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    await destroy(client);
  });
});

describe("a seasoned session", () => {
  it("may terminate other sessions with account.resetAuthorization and auth.resetAuthorizations", async () => {
    const seasoned = await startTestSandbox({ limits: { freshResetSeconds: 0 } });
    try {
      const a = await signedIn("9996621008", "device A", seasoned);
      const b = await signedIn("9996621008", "device B", seasoned);
      const c = await signedIn("9996621008", "device C", seasoned);
      const others = (await c.client.invoke(new Api.account.GetAuthorizations())).authorizations.filter(
        (x) => !x.current,
      );
      const target = others.find((x) => x.deviceModel === "device A")!;
      expect(await c.client.invoke(new Api.account.ResetAuthorization({ hash: target.hash }))).toBe(true);
      expect((await errorOf(getSelf(a.client))).errorMessage).toBe("SESSION_REVOKED");
      expect(await c.client.invoke(new Api.auth.ResetAuthorizations())).toBe(true);
      expect((await errorOf(getSelf(b.client))).errorMessage).toBe("SESSION_REVOKED");
      expect(await getSelf(c.client)).toHaveLength(1);
      await destroy(a.client, b.client, c.client);
    } finally {
      await seasoned.close();
      removeDir(seasoned.dataDir);
    }
  });
});
