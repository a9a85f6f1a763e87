import { describe, expect, it } from "vitest";
import { requestMeta } from "./request-meta";

describe("request meta", () => {
  it("takes the address the nearest proxy saw, and the user agent", () => {
    const headers = new Headers({ "x-forwarded-for": "10.0.0.1, 203.0.113.5", "user-agent": "curl/8" });
    expect(requestMeta(headers)).toEqual({ ip: "203.0.113.5", userAgent: "curl/8" });
  });

  it("falls back to X-Real-IP, then to a fixed label", () => {
    expect(requestMeta(new Headers({ "x-real-ip": "198.51.100.2" })).ip).toBe("198.51.100.2");
    expect(requestMeta(new Headers())).toEqual({ ip: "unknown", userAgent: null });
  });
});
