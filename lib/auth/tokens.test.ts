import { describe, expect, it } from "vitest";
import { generateApiToken, hashApiToken, looksLikeApiToken } from "./tokens";

describe("API tokens", () => {
  it("are random, prefixed and stored as their SHA-256", () => {
    const a = generateApiToken();
    const b = generateApiToken();
    expect(a.token).not.toBe(b.token);
    expect(looksLikeApiToken(a.token)).toBe(true);
    expect(a.prefix).toBe(a.token.slice(0, 10));
    expect(a.hash).toBe(hashApiToken(a.token));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).not.toContain(a.token);
  });

  it("tells malformed bearer values apart without a lookup", () => {
    expect(looksLikeApiToken("tsc_short")).toBe(false);
    expect(looksLikeApiToken("Bearer whatever")).toBe(false);
  });
});
