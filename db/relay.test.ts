import { once } from "node:events";
import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import { testPostgresUrl } from "@/tests/support/database";
import { relayTo } from "./relay";

const postgres = { host: new URL(testPostgresUrl).hostname, port: Number(new URL(testPostgresUrl).port || 5432) };
const target = `address=${postgres.host}:${postgres.port}`;

/** The HTTP status the relay answered an upgrade with, instead of switching to WebSocket. */
async function refusal(url: string, options?: WebSocket.ClientOptions): Promise<number> {
  const socket = new WebSocket(url, options);
  socket.on("error", () => undefined);
  const [, response] = (await once(socket, "unexpected-response")) as [unknown, IncomingMessage];
  response.resume();
  return response.statusCode ?? 0;
}

describe("database relay", () => {
  it("refuses any target this process did not register, so it is no open proxy", async () => {
    const { port, secret } = await relayTo(postgres);
    const socket = new WebSocket(`ws://127.0.0.1:${port}/${secret}/v1?address=${postgres.host}:22`);
    const [code] = (await once(socket, "close")) as [number];
    expect(code).toBe(1008);
  });

  it("refuses an upgrade without this process's secret in its path, or with a wrong one", async () => {
    const { port, secret } = await relayTo(postgres);
    expect(await refusal(`ws://127.0.0.1:${port}/v1?${target}`)).toBe(403);
    const wrong = `${secret.slice(0, -1)}${secret.endsWith("A") ? "B" : "A"}`;
    expect(await refusal(`ws://127.0.0.1:${port}/${wrong}/v1?${target}`)).toBe(403);
  });

  it("refuses an upgrade that carries an Origin, as a page in a browser sends, even with the secret", async () => {
    const { port, secret } = await relayTo(postgres);
    const url = `ws://127.0.0.1:${port}/${secret}/v1?${target}`;
    expect(await refusal(url, { origin: "http://localhost:3000" })).toBe(403);
    expect(await refusal(url, { headers: { origin: "null" } })).toBe(403);
  });

  it("carries the Postgres protocol to a registered target", async () => {
    const { port, secret } = await relayTo(postgres);
    const socket = new WebSocket(`ws://127.0.0.1:${port}/${secret}/v1?${target}`);
    await once(socket, "open");
    // SSLRequest: Postgres answers one byte, "N" (no TLS on this loopback server) or "S".
    socket.send(Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]));
    const [reply] = (await once(socket, "message")) as [Buffer];
    expect(["N", "S"]).toContain(reply.toString());
    socket.close();
  });
});
