import { describe, expect, it } from "vitest";
import { isSameOrigin } from "./origin";

const post = (headers: Record<string, string>) =>
  new Request("http://127.0.0.1:3000/api/v1/x", { method: "POST", headers });

describe("isSameOrigin", () => {
  it("accepts the request's own origin, or the public host a proxy forwarded", () => {
    expect(isSameOrigin(post({ origin: "http://127.0.0.1:3000" }))).toBe(true);
    expect(
      isSameOrigin(post({ origin: "https://console.example.com", "x-forwarded-host": "console.example.com" })),
    ).toBe(true);
  });

  it("refuses other origins, an opaque origin and a request that names none", () => {
    expect(isSameOrigin(post({ origin: "https://evil.example" }))).toBe(false);
    expect(isSameOrigin(post({ origin: "http://127.0.0.1:3000.evil.example" }))).toBe(false);
    expect(isSameOrigin(post({ origin: "null" }))).toBe(false);
    expect(isSameOrigin(post({}))).toBe(false);
    expect(isSameOrigin(post({ "sec-fetch-site": "same-site" }))).toBe(false);
    expect(isSameOrigin(post({ "sec-fetch-site": "same-origin" }))).toBe(true);
  });
});
