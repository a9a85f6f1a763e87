import { createHash, pbkdf2Sync, randomBytes } from "node:crypto";
import { bigIntToBuffer, bufferToBigInt, modPow } from "./bigint";
import { DH_G, DH_PRIME, DH_PRIME_BYTES } from "./dh-prime";
import type { PasswordRecord } from "../store/types";

// Telegram's SRP-2048 (passwordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow).
const sha256 = (...parts: Buffer[]): Buffer => createHash("sha256").update(Buffer.concat(parts)).digest();
const saltedHash = (data: Buffer, salt: Buffer): Buffer => sha256(salt, data, salt);
const pad256 = (n: bigint): Buffer => bigIntToBuffer(n, 256);
const G_BYTES = pad256(BigInt(DH_G));
const K = bufferToBigInt(sha256(DH_PRIME_BYTES, G_BYTES));
const G_HASH = sha256(G_BYTES);
const P_XOR_G = Buffer.from(sha256(DH_PRIME_BYTES).map((byte, i) => byte ^ G_HASH[i]!));

function passwordX(password: string, salt1: Buffer, salt2: Buffer): bigint {
  const ph1 = saltedHash(saltedHash(Buffer.from(password, "utf8"), salt1), salt2);
  return bufferToBigInt(saltedHash(pbkdf2Sync(ph1, salt1, 100_000, 64, "sha512"), salt2));
}

export function makePasswordRecord(password: string, hint: string): PasswordRecord {
  const salt1 = randomBytes(40);
  const salt2 = randomBytes(16);
  const v = modPow(BigInt(DH_G), passwordX(password, salt1, salt2), DH_PRIME);
  return { salt1: salt1.toString("hex"), salt2: salt2.toString("hex"), verifier: v.toString(16), hint };
}

export interface SrpChallenge {
  b: bigint;
  B: Buffer;
}

export function srpChallenge(record: PasswordRecord): SrpChallenge {
  const v = BigInt(`0x${record.verifier}`);
  for (;;) {
    const b = bufferToBigInt(randomBytes(256));
    const B = (K * v + modPow(BigInt(DH_G), b, DH_PRIME)) % DH_PRIME;
    if (B > 1n) return { b, B: pad256(B) };
  }
}

/** Checks the client's proof M1 for the challenge; only the verifier is needed. */
export function verifySrp(record: PasswordRecord, challenge: SrpChallenge, aBytes: Buffer, m1: Buffer): boolean {
  const A = bufferToBigInt(aBytes);
  if (A <= 1n || A >= DH_PRIME - 1n) return false;
  const v = BigInt(`0x${record.verifier}`);
  const aPadded = pad256(A);
  const u = bufferToBigInt(sha256(aPadded, challenge.B));
  if (u === 0n) return false;
  const S = modPow((A * modPow(v, u, DH_PRIME)) % DH_PRIME, challenge.b, DH_PRIME);
  const expected = sha256(
    P_XOR_G,
    sha256(Buffer.from(record.salt1, "hex")),
    sha256(Buffer.from(record.salt2, "hex")),
    aPadded,
    challenge.B,
    sha256(pad256(S)),
  );
  return expected.length === m1.length && expected.equals(m1);
}
