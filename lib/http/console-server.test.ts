import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestMeta } from "@/lib/audit";
import { parseTrustedProxies } from "@/lib/env/trusted-proxies";
import { clientIp } from "./client-ip";
import { listenStamped } from "./console-server";

const loopback = parseTrustedProxies("127.0.0.0/8, ::1");
let server: Server;
let base: string;

beforeAll(async () => {
  // Answers what the audit row and the sign-in throttle would record (TRUSTED_PROXIES unset), and what they would
  // with loopback trusted; the headers are read as Next reads them, from the raw header list.
  server = await listenStamped(
    (request, response) => {
      const headers = new Headers();
      for (let i = 0; i < request.rawHeaders.length; i += 2)
        headers.append(request.rawHeaders[i]!, request.rawHeaders[i + 1]!);
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ recorded: requestMeta(headers).ip, behindLoopback: clientIp(headers, loopback) }));
    },
    0,
    "127.0.0.1",
  );
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

const ask = async (headers: Record<string, string>) => (await fetch(base, { headers })).json();

describe("npm start's server", () => {
  it("records the socket's address, not a forged X-Forwarded-For, when the peer is no trusted proxy", async () => {
    expect(await ask({ "x-forwarded-for": "198.51.100.66", "x-real-ip": "198.51.100.67" })).toMatchObject({
      recorded: "127.0.0.1",
    });
  });

  it("drops a peer header the client sent itself", async () => {
    const forged = { "x-console-peer": "198.51.100.66", "x-forwarded-for": "198.51.100.66" };
    expect(await ask(forged)).toMatchObject({ recorded: "127.0.0.1" });
  });

  it("believes X-Forwarded-For from a trusted proxy, right to left", async () => {
    expect(await ask({ "x-forwarded-for": "6.6.6.6, 203.0.113.8" })).toEqual({
      recorded: "127.0.0.1",
      behindLoopback: "203.0.113.8",
    });
  });
});
