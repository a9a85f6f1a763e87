import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { safeCallbackPath, invalidCallbackUrl } from "./cookies";

async function freshAuthSecret(vars: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
  return (await import("./cookies")).authSecret;
}

describe("AUTH_SECRET", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("comes from configuration when set", async () => {
    const authSecret = await freshAuthSecret({
      AUTH_SECRET: "s".repeat(40),
      DATABASE_URL: "postgres://db.example/console",
    });
    expect(authSecret()).toBe("s".repeat(40));
  });

  it("is required with an external database", async () => {
    const authSecret = await freshAuthSecret({ AUTH_SECRET: undefined, DATABASE_URL: "postgres://db.example/console" });
    expect(() => authSecret()).toThrow(/AUTH_SECRET is not set.*DATABASE_URL/);
  });

  it("is generated once into the data folder with the embedded database", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "tsc-secret-"));
    const authSecret = await freshAuthSecret({ AUTH_SECRET: undefined, DATABASE_URL: undefined, DATA_DIR: dataDir });
    const secret = authSecret();
    expect(secret.length).toBeGreaterThanOrEqual(43);
    expect(readFileSync(path.join(dataDir, "auth-secret"), "utf8").trim()).toBe(secret);
    expect((await freshAuthSecret({ DATA_DIR: dataDir }))()).toBe(secret);
  });
});

describe("callback paths", () => {
  const origin = "https://console.test";

  it("keeps paths on this site and drops anything else", () => {
    expect(safeCallbackPath("/sessions?status=dead", origin)).toBe("/sessions?status=dead");
    for (const bad of ["https://evil.example", "//evil.example", "/\\evil.example", undefined, ["/a"]]) {
      expect(safeCallbackPath(bad, origin)).toBe("/");
    }
  });

  it.each(["/\t/attacker.example/x", "/\n/attacker.example/x", "/\r/attacker.example/x", "/ /attacker.example/x"])(
    "never leads off the site with a control character after the first slash (%j)",
    (value) => {
      const path = safeCallbackPath(value, origin);
      // What a browser does with the Location header: resolve it against the page's URL.
      expect(new URL(path, origin).origin).toBe(origin);
      expect(path).not.toMatch(/[\u0000-\u001f]/);
    },
  );

  it("accepts an absolute URL on the console's own origin as its path, and nothing on another", () => {
    expect(safeCallbackPath("https://console.test/sessions?q=1#top", origin)).toBe("/sessions?q=1#top");
    expect(safeCallbackPath("http://console.test/sessions", origin)).toBe("/");
    expect(safeCallbackPath("https://console.test.evil.example/", origin)).toBe("/");
  });
});

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
