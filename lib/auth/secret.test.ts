import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

async function freshAuthSecret(vars: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
  return (await import("./secret")).authSecret;
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
