import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Api } from "telegram";
import { Logger, LogLevel } from "telegram/extensions/Logger";
import { doAuthentication } from "telegram/network/Authenticator";
import { ConnectionTCPAbridged, ConnectionTCPFull } from "telegram/network/connection";
import { MTProtoPlainSender } from "telegram/network/MTProtoPlainSender";
import { registerSandboxKey, sandboxSocketClass } from "../client";
import type { SandboxState } from "../store/types";
import { destroy, newClient, type TestSandbox, withTestSandbox } from "./helpers";

let sandbox: TestSandbox;
withTestSandbox((started) => (sandbox = started));

describe("auth key exchange", () => {
  // GramJS's own doAuthentication over its own TCP transport, without the rest of
  // TelegramClient: the cost is GramJS's pure-JS 2048-bit math (~125 ms a key).
  it("completes 200 consecutive fresh key exchanges, each key identical on both sides", async () => {
    const log = new Logger(LogLevel.NONE);
    const dc = sandbox.info.dcs[1]!;
    const socket = sandboxSocketClass(sandbox.info);
    registerSandboxKey(sandbox.info);
    const keys = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const connection = new ConnectionTCPFull({
        ip: dc.address,
        port: 80,
        dcId: dc.id,
        loggers: log,
        socket,
        testServers: false,
      });
      await connection.connect();
      const { authKey } = await doAuthentication(new MTProtoPlainSender(connection, log), log);
      await connection.disconnect();
      keys.add(authKey.getKey()!.toString("hex"));
    }
    expect(keys.size).toBe(200);
    // The server must hold g^ab in exactly the minimal-length form GramJS uses.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const state = JSON.parse(readFileSync(join(sandbox.dataDir, "state.json"), "utf8")) as SandboxState;
    const serverKeys = new Set(Object.values(state.authKeys).map((k) => k.key));
    expect([...keys].filter((k) => serverKeys.has(k))).toHaveLength(200);
  }, 180_000);

  it("works over the abridged transport too", async () => {
    const client = newClient(sandbox, "", 3, "abridged", { connection: ConnectionTCPAbridged });
    await client.connect();
    expect((await client.invoke(new Api.help.GetConfig())).thisDc).toBe(3);
    await destroy(client);
  });
});
