import {
  constants,
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  privateDecrypt,
  type KeyObject,
} from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { bufferToBigInt } from "./bigint";
import { tlBytes } from "../mtproto/tl-bytes";

export interface RsaKey {
  privateKey: KeyObject;
  /** PKCS#1 PEM ("BEGIN RSA PUBLIC KEY"), the form Telegram publishes. */
  publicKeyPem: string;
  n: bigint;
  e: number;
  /** Signed decimal, as GramJS keys its `_serverKeys` map. */
  fingerprint: string;
}

const KEY_FILE = "rsa-private.pem";

export function rsaKeyFromPem(privatePem: string): RsaKey {
  const privateKey = createPrivateKey(privatePem);
  const jwk = privateKey.export({ format: "jwk" });
  if (!jwk.n || !jwk.e) throw new Error("not an RSA key");
  const nBytes = Buffer.from(jwk.n, "base64url");
  const eBytes = Buffer.from(jwk.e, "base64url");
  if (nBytes.length !== 256) throw new Error("the sandbox RSA key must be 2048 bits");
  return {
    privateKey,
    publicKeyPem: createPublicKey(privateKey).export({ format: "pem", type: "pkcs1" }).toString(),
    n: bufferToBigInt(nBytes),
    e: Number(bufferToBigInt(eBytes)),
    fingerprint: rsaFingerprint(nBytes, eBytes),
  };
}

/** Telegram's key fingerprint: the lower 64 bits of SHA1(rsa_public_key n:bytes e:bytes), signed. */
export function rsaFingerprint(n: Buffer, e: Buffer): string {
  const sha = createHash("sha1")
    .update(Buffer.concat([tlBytes(n), tlBytes(e)]))
    .digest();
  return sha.subarray(12, 20).readBigInt64LE(0).toString();
}

export function generateRsaPem(): string {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, publicExponent: 65537 });
  return privateKey.export({ format: "pem", type: "pkcs1" }).toString();
}

/** The data folder's key, created on first start. */
export function loadOrCreateRsaKey(dataDir: string): RsaKey {
  const file = join(dataDir, KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, generateRsaPem(), { mode: 0o600 });
  }
  return rsaKeyFromPem(readFileSync(file, "utf8"));
}

/** Textbook RSA (no padding): MTProto's RSA_PAD does its own padding. */
export function rsaRawDecrypt(key: RsaKey, cipher: Buffer): Buffer {
  if (cipher.length !== 256 || bufferToBigInt(cipher) >= key.n) throw new Error("bad RSA input");
  return privateDecrypt({ key: key.privateKey, padding: constants.RSA_NO_PADDING }, cipher);
}
