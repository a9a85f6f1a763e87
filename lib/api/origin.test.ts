import { describe, expect, it } from "vitest";
import { parseTrustedProxies } from "@/lib/env/trusted-proxies";
import { peerHeader, peerStamp } from "@/lib/http/client-ip";
import { isSameOrigin } from "./origin";

const trusted = parseTrustedProxies("127.0.0.0/8");
const post = (headers: Record<string, string>) =>
  new Request("http://127.0.0.1:3000/api/v1/things", { method: "POST", headers });

describe("isSameOrigin", () => {
  it("believes X-Forwarded-Host only from a trusted proxy", () => {
    const forged = { origin: "https://evil.example", "x-forwarded-host": "evil.example" };
    expect(isSameOrigin(post(forged), trusted)).toBe(false);
    expect(isSameOrigin(post({ ...forged, [peerHeader]: peerStamp("203.0.113.9") }), trusted)).toBe(false);
    const proxied = { origin: "https://console.example", "x-forwarded-host": "console.example" };
    expect(isSameOrigin(post({ ...proxied, [peerHeader]: peerStamp("127.0.0.1") }), trusted)).toBe(true);
    expect(isSameOrigin(post({ origin: "http://127.0.0.1:3000" }), trusted)).toBe(true);
  });

  it("accepts the request's own origin, and refuses others, an opaque origin and a request that names none", () => {
    expect(isSameOrigin(post({ origin: "http://127.0.0.1:3000" }))).toBe(true);
    expect(isSameOrigin(post({ "sec-fetch-site": "same-origin" }))).toBe(true);
    // Without TRUSTED_PROXIES nobody's X-Forwarded-Host is believed.
    expect(isSameOrigin(post({ origin: "https://console.example", "x-forwarded-host": "console.example" }))).toBe(
      false,
    );
    expect(isSameOrigin(post({ origin: "https://evil.example" }))).toBe(false);
    expect(isSameOrigin(post({ origin: "http://127.0.0.1:3000.evil.example" }))).toBe(false);
    expect(isSameOrigin(post({ origin: "null" }))).toBe(false);
    expect(isSameOrigin(post({}))).toBe(false);
    expect(isSameOrigin(post({ "sec-fetch-site": "same-site" }))).toBe(false);
  });
});
