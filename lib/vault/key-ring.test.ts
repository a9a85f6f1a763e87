import { randomBytes } from "node:crypto";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { VaultConfigError } from "./errors";
import { KEYS_VARIABLE, parseKeyRing } from "./key-ring";

const keyA = randomBytes(32);
const keyB = randomBytes(32);

function expectConfigError(spec: string, mentions: RegExp, secrets: string[] = [spec]) {
  let caught: unknown;
  try {
    parseKeyRing(spec);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(VaultConfigError);
  const message = (caught as Error).message;
  expect(message).toContain(KEYS_VARIABLE);
  expect(message).toMatch(mentions);
  for (const secret of secrets) {
    // Not even a fragment of key material may reach the message.
    for (let i = 0; i + 8 <= secret.length; i++) expect(message).not.toContain(secret.slice(i, i + 8));
  }
}

describe("parseKeyRing", () => {
  it("makes the first listed key the newest and keeps all for decryption", () => {
    const ring = parseKeyRing(`k2:${keyB.toString("base64")},k1:${keyA.toString("base64")}`);
    expect(ring.current.id).toBe("k2");
    expect([...ring.byId.keys()]).toEqual(["k2", "k1"]);
    expect(ring.current.key.export()).toEqual(keyB);
    expect(ring.byId.get("k1")?.key.export()).toEqual(keyA);
  });

  it.each([
    ["base64 with padding", keyA.toString("base64")],
    ["base64 without padding", keyA.toString("base64").replace(/=+$/, "")],
    ["base64url", keyA.toString("base64url")],
  ])("accepts %s and surrounding spaces", (_name, encoded) => {
    const ring = parseKeyRing(` k_1-A : ${encoded} , old:${keyB.toString("base64url")} `);
    expect(ring.current.id).toBe("k_1-A");
    expect(ring.current.key.export()).toEqual(keyA);
  });

  it("never shows key bytes when the ring is logged or serialised", () => {
    const encoded = keyA.toString("base64");
    const ring = parseKeyRing(`k1:${encoded}`);
    for (const shown of [inspect(ring, { depth: 10 }), JSON.stringify(ring), String(ring.current.key)]) {
      expect(shown).not.toContain(encoded.slice(0, 16));
      expect(shown).not.toContain(keyA.toString("hex").slice(0, 16));
    }
  });

  const a = keyA.toString("base64");
  it.each([
    ["empty", "", /is empty/],
    ["blank", "  ", /is empty/],
    ["a trailing comma", `k1:${a},`, /entry 2 is empty/],
    ["a key without id", a, /entry 1 has no "id:" prefix/],
    ["an empty id", `:${a}`, /entry 1 has an invalid id/],
    ["an id with a dot", `k.1:${a}`, /entry 1 has an invalid id/],
    ["an id of 33 characters", `${"k".repeat(33)}:${a}`, /entry 1 has an invalid id/],
    ["a duplicate id", `k1:${a},k1:${keyB.toString("base64")}`, /key id "k1" is listed twice/],
    ["an empty key", "k1:", /key "k1" is 0 bytes/],
    [
      "a short key (16 bytes)",
      `k1:${randomBytes(16).toString("base64")}`,
      /key "k1" is 16 bytes; keys must be exactly 32 bytes/,
    ],
    ["a long key (48 bytes)", `k1:${randomBytes(48).toString("base64")}`, /key "k1" is 48 bytes/],
    ["a hex key", `k1:${keyA.toString("hex")}`, /key "k1" is 48 bytes/],
    ["characters outside base64", `k1:${a.slice(0, 20)}!${a.slice(21)}`, /key "k1" is not valid base64/],
    ["a key cut by a colon", `k1:${a.slice(0, 20)}:${a.slice(20)}`, /key "k1" is not valid base64/],
    ["non-canonical trailing bits", `k1:${a.slice(0, 42)}B=`, /key "k1" is not valid base64/],
  ])("rejects %s with a message naming the variable and no key material", (_name, spec, mentions) => {
    expectConfigError(spec, mentions, [spec.replace(/^.*?:/, ""), a]);
  });

  it("names the given source instead of the variable", () => {
    expect(() => parseKeyRing("local:shortkey", "/data/session-encryption.key")).toThrow(
      /^\/data\/session-encryption\.key: entry 1: key "local" is 6 bytes/,
    );
  });
});
