import { describe, expect, it } from "vitest";
import { invalidCallbackUrl } from "./callback-url";

const at = (query: string, cookie?: string) =>
  new Request(`http://console.test/api/auth/providers${query}`, { headers: cookie ? { cookie } : {} });

describe("invalidCallbackUrl", () => {
  it.each(["", "?callbackUrl=%2Fsessions", "?callbackUrl=https%3A%2F%2Fconsole.test%2F"])(
    "lets %j through",
    (query) => {
      expect(invalidCallbackUrl(at(query))).toBeNull();
    },
  );

  it.each([
    ["a query value that is no URL", at("?callbackUrl=%20")],
    ["a query value with another scheme", at("?callbackUrl=javascript%3Aalert(1)")],
    ["Auth.js's cookie holding no URL", at("", "a=b; authjs.callback-url=not%20a%20url")],
  ])("answers 400 for %s (Auth.js would answer 500)", async (_name, request) => {
    const response = invalidCallbackUrl(request);
    expect(response?.status).toBe(400);
    expect(await response?.json()).toMatchObject({ error: { code: "invalid_input" } });
  });
});
