import { describe, expect, it } from "vitest";
import { parseTrustedProxies } from "@/lib/env/trusted-proxies";
import { clientIp, peerHeader, peerStamp } from "./client-ip";

const proxies = parseTrustedProxies("10.0.0.0/8, fd00::/8");
const nobody = parseTrustedProxies("");
const from = (peer: string, forwarded?: string) =>
  new Headers({ [peerHeader]: peerStamp(peer), ...(forwarded === undefined ? {} : { "x-forwarded-for": forwarded }) });

describe("clientIp", () => {
  it("is the socket's peer when it is no trusted proxy, whatever X-Forwarded-For says", () => {
    expect(clientIp(from("203.0.113.5", "6.6.6.6"), nobody)).toBe("203.0.113.5");
    expect(clientIp(from("203.0.113.5", "6.6.6.6"), proxies)).toBe("203.0.113.5");
    expect(clientIp(from("::ffff:203.0.113.5"), nobody)).toBe("203.0.113.5");
  });

  it("walks X-Forwarded-For right to left through trusted proxies to the first address that is not one", () => {
    expect(clientIp(from("10.0.0.1", "6.6.6.6, 198.51.100.7"), proxies)).toBe("198.51.100.7");
    expect(clientIp(from("10.0.0.1", "6.6.6.6, 198.51.100.7, 10.0.0.2, fd00::3"), proxies)).toBe("198.51.100.7");
    expect(clientIp(from("fd00::1", "2001:db8::9"), proxies)).toBe("2001:db8::9");
  });

  it("stops at the nearest trusted proxy when the chain runs out, and knows nobody behind garbage", () => {
    expect(clientIp(from("10.0.0.1"), proxies)).toBe("10.0.0.1");
    expect(clientIp(from("10.0.0.1", "10.0.0.2"), proxies)).toBe("10.0.0.2");
    expect(clientIp(from("10.0.0.1", "6.6.6.6, not-an-address"), proxies)).toBeNull();
  });

  it("knows no address without this process's stamp: plain next start, or a client sending the header itself", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6", "x-real-ip": "6.6.6.6" }), proxies)).toBeNull();
    const forged = new Headers({
      [peerHeader]: "0123456789abcdef0123456789abcdef0123 10.0.0.1",
      "x-forwarded-for": "6.6.6.6",
    });
    expect(clientIp(forged, proxies)).toBeNull();
  });
});
