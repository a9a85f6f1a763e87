import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { SecretBinding } from "./binding";
import { decrypt, decryptBytes, encrypt, needsReencryption, reencrypt } from "./cipher";
import { parseEnvelope } from "./envelope-format";
import { VaultDecryptError, type VaultDecryptReason } from "./errors";
import { parseKeyRing } from "./key-ring";

const keys = { k1: randomBytes(32), k2: randomBytes(32), other: randomBytes(32) };
const ringOf = (...entries: [string, Buffer][]) =>
  parseKeyRing(entries.map(([id, key]) => `${id}:${key.toString("base64url")}`).join(","));

const oldRing = ringOf(["k1", keys.k1]);
const ring = ringOf(["k2", keys.k2], ["k1", keys.k1]);
const session = "1BVtsOK8Bu2tN7gA-fake-session-string-" + randomBytes(200).toString("base64url");
const row: SecretBinding = {
  table: "telegram_sessions",
  rowId: "3f1c2a9e-0000-4000-8000-000000000001",
  column: "session",
};

function decryptFailure(run: () => unknown): VaultDecryptError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(VaultDecryptError);
    return error as VaultDecryptError;
  }
  throw new Error("decryption unexpectedly succeeded");
}

function expectRejected(envelope: string, binding: SecretBinding, reason: VaultDecryptReason, onRing = ring) {
  const error = decryptFailure(() => decrypt(onRing, envelope, binding));
  expect(error.reason).toBe(reason);
  expect(error.message).not.toContain(session.slice(0, 12));
  for (const key of Object.values(keys)) {
    expect(error.message).not.toContain(key.toString("base64url").slice(0, 12));
    expect(error.message).not.toContain(key.toString("hex").slice(0, 12));
  }
}

function withPart(envelope: string, index: number, replace: (part: string) => string): string {
  const parts = envelope.split(".");
  parts[index] = replace(parts[index] ?? "");
  return parts.join(".");
}

describe("encrypt and decrypt", () => {
  it.each([
    ["a session string", session],
    ["an empty string", ""],
    ["non-ASCII text", "пароль 🔐 +99966 2 1234"],
  ])("round-trips %s", (_name, plaintext) => {
    const envelope = encrypt(ring, plaintext, row);
    expect(envelope).toMatch(/^v1\.k2\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(decrypt(ring, envelope, row)).toBe(plaintext);
  });

  it("round-trips bytes, such as a temporary auth key", () => {
    const authKey = randomBytes(256);
    expect(decryptBytes(ring, encrypt(ring, authKey, row), row)).toEqual(authKey);
  });

  it("binds without a column too", () => {
    const binding = { table: "login_flows", rowId: "flow-1" };
    expect(decrypt(ring, encrypt(ring, "hash", binding), binding)).toBe("hash");
  });

  it("never puts the plaintext in the envelope", () => {
    const envelope = encrypt(ring, session, row);
    expect(envelope).not.toContain(session.slice(0, 12));
    expect(envelope).not.toContain(Buffer.from(session).toString("base64url").slice(0, 12));
  });

  it("refuses a binding without table or row id", () => {
    expect(() => encrypt(ring, "x", { table: "t", rowId: "" })).toThrow(TypeError);
    expect(() => encrypt(ring, "x", { table: "", rowId: "r" })).toThrow(TypeError);
  });
});

describe("tampering", () => {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const envelope = encrypt(ring, "secret code 22222", row);

  it("fails on a changed version", () => {
    for (const version of ["v2", "V1", "v0", ""])
      expectRejected(
        withPart(envelope, 0, () => version),
        row,
        "malformed",
      );
  });

  it("fails on a key id switched to another configured key", () => {
    expectRejected(
      withPart(envelope, 1, () => "k1"),
      row,
      "authentication-failed",
    );
  });

  it("fails on a key id switched to an unknown or invalid one", () => {
    expectRejected(
      withPart(envelope, 1, () => "k3"),
      row,
      "unknown-key",
    );
    expectRejected(
      withPart(envelope, 1, () => "k 2"),
      row,
      "malformed",
    );
  });

  it("fails on every character of the nonce and ciphertext replaced by every other one", () => {
    for (const part of [2, 3]) {
      const text = envelope.split(".")[part] ?? "";
      for (let i = 0; i < text.length; i++) {
        for (const replacement of alphabet) {
          if (replacement === text[i]) continue;
          const tampered = withPart(envelope, part, (p) => p.slice(0, i) + replacement + p.slice(i + 1));
          // A changed last character may leave spare bits set: that is malformed, anything else fails the tag.
          const error = decryptFailure(() => decrypt(ring, tampered, row));
          expect(["malformed", "authentication-failed"]).toContain(error.reason);
        }
      }
    }
  });

  it("fails on every single-bit flip of the nonce, ciphertext and tag", () => {
    const parsed = parseEnvelope(envelope);
    if (!parsed) throw new Error("unparsable test envelope");
    for (const [part, bytes] of [
      [2, parsed.nonce],
      [3, parsed.sealed],
    ] as const) {
      for (let bit = 0; bit < bytes.length * 8; bit++) {
        const flipped = Buffer.from(bytes);
        flipped[bit >> 3]! ^= 1 << (bit & 7);
        expectRejected(
          withPart(envelope, part, () => flipped.toString("base64url")),
          row,
          "authentication-failed",
        );
      }
    }
  });

  it("fails on truncation, extension and reshaping", () => {
    const parsed = parseEnvelope(envelope)!;
    const sealed = (bytes: Buffer) => withPart(envelope, 3, () => bytes.toString("base64url"));
    expectRejected(sealed(parsed.sealed.subarray(0, -1)), row, "authentication-failed");
    expectRejected(sealed(parsed.sealed.subarray(1)), row, "authentication-failed");
    expectRejected(sealed(Buffer.concat([parsed.sealed, Buffer.from([0])])), row, "authentication-failed");
    expectRejected(sealed(parsed.sealed.subarray(0, 15)), row, "malformed");
    expectRejected(
      withPart(envelope, 2, () => parsed.nonce.subarray(0, 11).toString("base64url")),
      row,
      "malformed",
    );
    for (const reshaped of [
      envelope + ".",
      envelope + "=",
      envelope.replace(/\.[^.]*$/, ""),
      "",
      "plaintext",
      ` ${envelope}`,
    ]) {
      expectRejected(reshaped, row, "malformed");
    }
  });
});

describe("binding to the row", () => {
  const envelope = encrypt(ring, session, row);

  it.each<[string, SecretBinding]>([
    ["another row", { ...row, rowId: "3f1c2a9e-0000-4000-8000-000000000002" }],
    ["another table", { ...row, table: "login_flows" }],
    ["another column", { ...row, column: "phone" }],
    ["no column", { table: row.table, rowId: row.rowId }],
    ["an empty column", { ...row, column: "" }],
    [
      "a shifted split of the same text",
      { table: "telegram_sessions.3f1c2a9e", rowId: row.rowId.slice(9), column: row.column },
    ],
  ])("does not decrypt in %s", (_name, binding) => {
    expectRejected(envelope, binding, "authentication-failed");
  });

  it("does not decrypt when two rows' ciphertexts are swapped", () => {
    const rowB = { ...row, rowId: "3f1c2a9e-0000-4000-8000-000000000002" };
    const a = encrypt(ring, "session A", row);
    const b = encrypt(ring, "session B", rowB);
    expectRejected(b, row, "authentication-failed");
    expectRejected(a, rowB, "authentication-failed");
  });

  it("names the table, column and row but not the secret in the error", () => {
    const error = decryptFailure(() => decrypt(ring, envelope, { ...row, rowId: "row-9" }));
    expect(error.message).toBe(
      "Cannot decrypt telegram_sessions.session of row row-9: it was altered, belongs to another row or column, " +
        'or was sealed with a different key (key id "k2")',
    );
    expect(error.binding).toEqual({ ...row, rowId: "row-9" });
    expect(error.keyId).toBe("k2");
  });
});

describe("key ring", () => {
  it("rejects an envelope whose key id is not configured", () => {
    const newer = encrypt(ring, session, row);
    expectRejected(newer, row, "unknown-key", oldRing);
    expect(decryptFailure(() => decrypt(oldRing, newer, row)).message).toContain('key id "k2"');
  });

  it("rejects a ring reusing the id with a different key", () => {
    expectRejected(encrypt(ring, session, row), row, "authentication-failed", ringOf(["k2", keys.other]));
  });

  it("decrypts with the old key and encrypts with the newest", () => {
    const old = encrypt(oldRing, session, row);
    expect(old.startsWith("v1.k1.")).toBe(true);
    expect(decrypt(ring, old, row)).toBe(session);
    expect(encrypt(ring, session, row).startsWith("v1.k2.")).toBe(true);
  });

  it("reports and performs re-encryption to the newest key", () => {
    const old = encrypt(oldRing, session, row);
    expect(needsReencryption(ring, old)).toBe(true);
    expect(needsReencryption(oldRing, old)).toBe(false);

    const rotated = reencrypt(ring, old, row);
    expect(needsReencryption(ring, rotated)).toBe(false);
    expect(decrypt(ringOf(["k2", keys.k2]), rotated, row)).toBe(session);
    expect(decryptBytes(ring, reencrypt(ring, encrypt(oldRing, keys.other, row), row), row)).toEqual(keys.other);
  });

  it("refuses to re-encrypt what it cannot decrypt", () => {
    const moved = encrypt(oldRing, session, row);
    expect(decryptFailure(() => reencrypt(ring, moved, { ...row, rowId: "elsewhere" })).reason).toBe(
      "authentication-failed",
    );
    expect(decryptFailure(() => needsReencryption(ring, "garbage")).reason).toBe("malformed");
  });
});

describe("nonces", () => {
  it("are fresh for each of 100,000 encryptions", () => {
    const count = 100_000;
    const nonces = new Set<string>();
    for (let i = 0; i < count; i++) nonces.add(encrypt(ring, "same plaintext", row).split(".")[2] ?? "");
    expect(nonces.size).toBe(count);
  });
});
