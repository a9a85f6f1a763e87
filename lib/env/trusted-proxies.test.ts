import { describe, expect, it } from "vitest";
import { normalizeAddress, parseTrustedProxies } from "./trusted-proxies";

describe("TRUSTED_PROXIES", () => {
  it("matches IPv4 and IPv6 CIDRs and single addresses, and IPv4 peers seen on a dual-stack socket", () => {
    const trusted = parseTrustedProxies(" 10.0.0.0/8, 192.168.1.7 ,fd00::/8,::1");
    for (const address of ["10.0.0.1", "10.255.255.255", "192.168.1.7", "fd12::1", "::1", "::ffff:10.1.2.3", "[::1]"])
      expect(trusted.has(address), address).toBe(true);
    for (const address of ["11.0.0.1", "192.168.1.8", "fe80::1", "::2", "::ffff:11.0.0.1", "not-an-ip", ""])
      expect(trusted.has(address), address).toBe(false);
  });

  it("trusts nobody when empty", () => {
    const trusted = parseTrustedProxies("");
    expect(trusted.has("127.0.0.1")).toBe(false);
    expect(trusted.has("::1")).toBe(false);
  });

  it("refuses anything but addresses and CIDRs, naming the entry", () => {
    for (const entry of [
      "10.0.0.0/33",
      "fd00::/129",
      "10.0.0.0/8/1",
      "example.com",
      "10.0.0/8",
      "10.0.0.0/-1",
      "10.0.0.0/",
    ])
      expect(() => parseTrustedProxies(`127.0.0.1, ${entry}`), entry).toThrow(`"${entry}" is not an IPv4 or IPv6`);
  });

  it("normalizes addresses before comparing them", () => {
    expect(normalizeAddress("::FFFF:192.0.2.1")).toBe("192.0.2.1");
    expect(normalizeAddress("[2001:DB8::1]")).toBe("2001:db8::1");
    expect(normalizeAddress("192.0.2.1:443")).toBeNull();
    expect(normalizeAddress("unknown")).toBeNull();
  });
});
