import { mkdtempSync, readFileSync, rmSync, statSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// env() and the loaded ring are cached per module instance, so every case imports fresh modules.
async function freshModules() {
  vi.resetModules();
  const { log } = await import("@/lib/log");
  const warn = vi.spyOn(log, "warn").mockImplementation(() => undefined);
  const vault = await import("./index");
  const { GENERATED_KEY_FILE } = await import("./load-key-ring");
  return { warn, vault, GENERATED_KEY_FILE };
}

const row = { table: "telegram_sessions", rowId: "r1", column: "session" };
let dataDir: string;

beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "vault-"));
  vi.stubEnv("DATA_DIR", dataDir);
  vi.stubEnv("DATABASE_URL", undefined);
  vi.stubEnv("SESSION_ENCRYPTION_KEYS", undefined);
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("loadKeyRing on the embedded database", () => {
  it("generates a key into the data folder on first start, says so, and reuses it afterwards", async () => {
    const first = await freshModules();
    const ring = first.vault.loadKeyRing();
    const file = path.join(dataDir, first.GENERATED_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.warn).toHaveBeenCalledTimes(1);
    const [fields, message] = first.warn.mock.calls[0] as unknown as [object, string];
    expect(fields).toEqual({ file });
    expect(message).toMatch(/SESSION_ENCRYPTION_KEYS is not set: generated a session encryption key/);
    expect(JSON.stringify(first.warn.mock.calls)).not.toContain(readFileSync(file, "utf8").trim());
    expect(first.vault.loadKeyRing()).toBe(ring);
    const envelope = first.vault.encrypt(ring, "session", row);

    const restarted = await freshModules();
    expect(restarted.vault.decrypt(restarted.vault.loadKeyRing(), envelope, row)).toBe("session");
    expect(restarted.warn).not.toHaveBeenCalled();
  });

  it("prefers SESSION_ENCRYPTION_KEYS and then generates nothing", async () => {
    vi.stubEnv("SESSION_ENCRYPTION_KEYS", `k1:${Buffer.alloc(32, 7).toString("base64")}`);
    const { vault, warn, GENERATED_KEY_FILE } = await freshModules();
    expect(vault.loadKeyRing().current.id).toBe("k1");
    expect(existsSync(path.join(dataDir, GENERATED_KEY_FILE))).toBe(false);
    expect(warn).not.toHaveBeenCalled();
  });
});

describe("loadKeyRing with DATABASE_URL", () => {
  beforeEach(() => vi.stubEnv("DATABASE_URL", "postgres://user:pw@db.example/console"));

  it.each([undefined, "", "   "])("stops the boot when the key is missing (%j)", async (value) => {
    vi.stubEnv("SESSION_ENCRYPTION_KEYS", value);
    const { vault, GENERATED_KEY_FILE } = await freshModules();
    expect(() => vault.loadKeyRing()).toThrow(vault.VaultConfigError);
    expect(() => vault.loadKeyRing()).toThrow(/^SESSION_ENCRYPTION_KEYS is required when DATABASE_URL is set/);
    expect(existsSync(path.join(dataDir, GENERATED_KEY_FILE))).toBe(false);
  });

  it("stops the boot on a short key without printing it", async () => {
    const short = Buffer.alloc(16, 9).toString("base64");
    vi.stubEnv("SESSION_ENCRYPTION_KEYS", `k1:${short}`);
    const { vault } = await freshModules();
    const error = (() => {
      try {
        vault.loadKeyRing();
      } catch (thrown) {
        return thrown as Error;
      }
    })();
    expect(error).toBeInstanceOf(vault.VaultConfigError);
    expect(error?.message).toMatch(/^SESSION_ENCRYPTION_KEYS: entry 1: key "k1" is 16 bytes/);
    expect(error?.message).not.toContain(short.slice(0, 8));
  });

  it("loads a configured ring", async () => {
    vi.stubEnv(
      "SESSION_ENCRYPTION_KEYS",
      `new:${Buffer.alloc(32, 1).toString("base64url")},old:${Buffer.alloc(32, 2).toString("base64")}`,
    );
    const { vault } = await freshModules();
    const ring = vault.loadKeyRing();
    expect(ring.current.id).toBe("new");
    expect([...ring.byId.keys()]).toEqual(["new", "old"]);
  });
});
