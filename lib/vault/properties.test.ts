import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SecretBinding } from "./binding";
import { decrypt, decryptBytes, encrypt } from "./cipher";
import { VaultDecryptError } from "./errors";
import { parseKeyRing } from "./key-ring";

const ring = parseKeyRing(`new:${randomBytes(32).toString("base64")},old:${randomBytes(32).toString("base64")}`);
const strangerRing = parseKeyRing(`gone:${randomBytes(32).toString("base64")}`);

const bindingArb: fc.Arbitrary<SecretBinding> = fc.record({
  table: fc.constantFrom("telegram_sessions", "telegram_accounts", "login_flows"),
  rowId: fc.uuid(),
  column: fc.option(fc.constantFrom("session", "phone", "phone_code_hash"), { nil: undefined }),
});

const refused = (run: () => unknown) => {
  expect(run).toThrow(VaultDecryptError);
};

/** Flips one bit of the decoded nonce or ciphertext‖tag and re-encodes the envelope. */
function flipBit(envelope: string, part: 2 | 3, bit: number): string {
  const parts = envelope.split(".");
  const bytes = Buffer.from(parts[part] ?? "", "base64url");
  const at = bit % (bytes.length * 8);
  bytes[at >> 3] = (bytes[at >> 3] ?? 0) ^ (1 << (at & 7));
  parts[part] = bytes.toString("base64url");
  return parts.join(".");
}

describe("vault properties", () => {
  it("round-trips any text and any bytes for any row", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 400 }),
        fc.uint8Array({ maxLength: 512 }),
        bindingArb,
        (text, bytes, binding) => {
          expect(decrypt(ring, encrypt(ring, text, binding), binding)).toBe(text);
          expect(
            decryptBytes(ring, encrypt(ring, Buffer.from(bytes), binding), binding).equals(Buffer.from(bytes)),
          ).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("refuses every single bit flip of the nonce, the ciphertext and the tag", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 200 }),
        bindingArb,
        fc.constantFrom(2 as const, 3 as const),
        fc.nat(),
        (text, binding, part, bit) => {
          refused(() => decrypt(ring, flipBit(encrypt(ring, text, binding), part, bit), binding));
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it("refuses a ciphertext moved to any other row, table or column", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), bindingArb, bindingArb, (text, from, to) => {
        fc.pre(JSON.stringify(from) !== JSON.stringify(to));
        refused(() => decrypt(ring, encrypt(ring, text, from), to));
      }),
      { numRuns: 500 },
    );
  });

  it("refuses a wrong or unknown key id, and a ring without the key", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 100 }),
        bindingArb,
        fc.stringMatching(/^[A-Za-z0-9_-]{1,32}$/),
        (text, binding, keyId) => {
          const envelope = encrypt(ring, text, binding);
          const [version, usedKey, ...rest] = envelope.split(".");
          fc.pre(keyId !== usedKey);
          refused(() => decrypt(ring, [version, keyId, ...rest].join("."), binding));
          refused(() => decrypt(strangerRing, envelope, binding));
        },
      ),
      { numRuns: 500 },
    );
  });
});
