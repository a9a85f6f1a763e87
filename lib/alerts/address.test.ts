import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkWebhookUrl, isPublicAddress } from "./address";
import { postJson } from "./send";

// ALERT_ALLOW_PRIVATE_URLS is left unset here: the rules hold as in production.
describe("webhook addresses (SSRF)", () => {
  let server: Server;
  let hits = 0;
  let port = 0;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      hits += 1;
      res.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it.each([
    ["http://hooks.example.com/x", /https/],
    ["https://127.0.0.1/x", /loopback, link-local or private/],
    ["https://169.254.169.254/latest/meta-data", /loopback, link-local or private/],
    ["https://10.1.2.3/x", /loopback, link-local or private/],
    ["https://192.168.1.1/x", /loopback, link-local or private/],
    ["https://[::1]/x", /loopback, link-local or private/],
    ["https://[::ffff:127.0.0.1]/x", /loopback, link-local or private/],
    ["https://localhost/x", /loopback, link-local or private/],
    ["https://user:pw@hooks.example.com/x", /user name or password/],
    ["not a url", /full URL/],
  ])("refuses %s at creation, naming the url field", async (url, message) => {
    await expect(checkWebhookUrl(url)).rejects.toMatchObject({
      code: "invalid_input",
      details: { fields: { url: expect.stringMatching(message) } },
    });
  });

  it("tells public addresses from the others", () => {
    expect(["1.1.1.1", "203.0.113.7", "2606:4700::1111"].map(isPublicAddress)).toEqual([true, true, true]);
    expect(
      ["127.0.0.1", "10.0.0.1", "172.20.0.1", "100.64.0.1", "fe80::1", "fd00::1", "0.0.0.0"].map(isPublicAddress),
    ).toEqual([false, false, false, false, false, false, false]);
  });

  it("reaches IPv6 only in global unicast, without NAT64, Teredo, 6to4 or documentation ranges", () => {
    expect(["2606:4700::1111", "2a00:1450:4001:80b::200e", "3fff:ffff::1"].map(isPublicAddress)).toEqual([
      true,
      true,
      true,
    ]);
    const refused = [
      "64:ff9b::7f00:1",
      "64:ff9b:1::a00:1",
      "2001:0:4136:e378:8000:63bf:3fff:fdd2",
      "2001:db8::1",
      "2002:7f00:1::1",
      "100::1",
      "4000::1",
      "::2",
      "::127.0.0.1",
    ];
    expect(refused.filter(isPublicAddress)).toEqual([]);
  });

  it("checks again at delivery: a stored URL to a private address is never connected to", async () => {
    const result = await postJson(`http://127.0.0.1:${port}/hook`, "{}", {}, 2000);
    expect(result).toMatchObject({ statusCode: null, refused: true });
    const named = await postJson(`https://localhost:${port}/hook`, "{}", {}, 2000);
    expect(named).toMatchObject({ statusCode: null, refused: true });
    expect(hits).toBe(0);
  });
});
