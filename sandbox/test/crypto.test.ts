import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Api } from "telegram";
import { IGE } from "telegram/crypto/IGE";
import { _serverKeys } from "telegram/crypto/RSA";
import { returnBigInt } from "telegram/Helpers";
import { computeCheck } from "telegram/Password";
import { bigIntToBuffer } from "../crypto/bigint";
import { DH_PRIME_BYTES } from "../crypto/dh-prime";
import { igeDecrypt, igeEncrypt } from "../crypto/ige";
import { generatePq } from "../crypto/primes";
import { rsaFingerprint } from "../crypto/rsa";
import { makePasswordRecord, srpChallenge, verifySrp } from "../crypto/srp";

describe("AES-256-IGE", () => {
  it("matches GramJS's IGE both ways", () => {
    const key = randomBytes(32);
    const iv = randomBytes(32);
    const plain = randomBytes(160);
    const ours = igeEncrypt(plain, key, iv);
    expect(Buffer.from(new IGE(key, iv).encryptIge(plain)).equals(ours)).toBe(true);
    expect(igeDecrypt(ours, key, iv).equals(plain)).toBe(true);
  });
});

describe("RSA fingerprint", () => {
  it("reproduces the fingerprints GramJS ships for Telegram's own keys", () => {
    for (const fingerprint of ["-3414540481677951611", "-5595554452916591101"]) {
      const key = _serverKeys.get(fingerprint)!;
      const n = bigIntToBuffer(BigInt(key.n.toString()));
      expect(rsaFingerprint(n, bigIntToBuffer(BigInt(key.e)))).toBe(fingerprint);
    }
  });
});

describe("pq", () => {
  it("is the product of two distinct 31-bit primes", () => {
    const { p, q, pq } = generatePq();
    expect(p.toString(2)).toHaveLength(31);
    expect(q.toString(2)).toHaveLength(31);
    expect(p < q).toBe(true);
    expect(pq.readBigUInt64BE(0)).toBe(p * q);
  });
});

describe("SRP 2FA", () => {
  const record = makePasswordRecord("correct horse", "horse");
  const passwordFor = (B: Buffer) =>
    new Api.account.Password({
      hasPassword: true,
      currentAlgo: new Api.PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow({
        salt1: Buffer.from(record.salt1, "hex"),
        salt2: Buffer.from(record.salt2, "hex"),
        g: 3,
        p: DH_PRIME_BYTES,
      }),
      srp_B: B,
      srpId: returnBigInt(1),
      newAlgo: new Api.PasswordKdfAlgoUnknown(),
      newSecureAlgo: new Api.SecurePasswordKdfAlgoUnknown(),
      secureRandom: randomBytes(32),
    });

  it("stores only the verifier", () => {
    expect(Object.keys(record).sort()).toEqual(["hint", "salt1", "salt2", "verifier"]);
    expect(JSON.stringify(record)).not.toContain("correct horse");
  });

  it("accepts GramJS's computeCheck for the right password and rejects a wrong one", async () => {
    const challenge = srpChallenge(record);
    const good = await computeCheck(passwordFor(challenge.B), "correct horse");
    const bad = await computeCheck(passwordFor(challenge.B), "wrong horse");
    expect(verifySrp(record, challenge, good.A, good.M1)).toBe(true);
    expect(verifySrp(record, challenge, bad.A, bad.M1)).toBe(false);
  });
});
