import { once } from "node:events";
import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import { testPostgresUrl } from "@/tests/support/database";
import { relayTo } from "./relay";

const postgres = { host: new URL(testPostgresUrl).hostname, port: Number(new URL(testPostgresUrl).port || 5432) };

describe("database relay", () => {
  it("refuses any target this process did not register, so it is no open proxy", async () => {
    const port = await relayTo(postgres);
    const socket = new WebSocket(`ws://127.0.0.1:${port}/v1?address=${postgres.host}:22`);
    const [code] = (await once(socket, "close")) as [number];
    expect(code).toBe(1008);
  });

  it("carries the Postgres protocol to a registered target", async () => {
    const port = await relayTo(postgres);
    const socket = new WebSocket(`ws://127.0.0.1:${port}/v1?address=${postgres.host}:${postgres.port}`);
    await once(socket, "open");
    // SSLRequest: Postgres answers one byte, "N" (no TLS on this loopback server) or "S".
    socket.send(Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]));
    const [reply] = (await once(socket, "message")) as [Buffer];
    expect(["N", "S"]).toContain(reply.toString());
    socket.close();
  });
});
