import { createHash, randomBytes } from "node:crypto";
import { Api } from "telegram";
import { AuthKey } from "telegram/crypto/AuthKey";
import { BinaryReader } from "telegram/extensions";
import { generateKeyDataFromNonce, readBigIntFromBuffer, returnBigInt } from "telegram/Helpers";
import { bufferToBigInt } from "../crypto/bigint";
import { computeAuthKey, createServerDhKey, type ServerDhKey } from "../crypto/dh";
import { DH_G, DH_PRIME_BYTES } from "../crypto/dh-prime";
import { igeDecrypt, igeEncrypt } from "../crypto/ige";
import { generatePq } from "../crypto/primes";
import { rsaRawDecrypt, type RsaKey } from "../crypto/rsa";

type Int = ReturnType<typeof returnBigInt>;
const sha1 = (data: Buffer): Buffer => createHash("sha1").update(data).digest();
const sha256 = (...parts: Buffer[]): Buffer => createHash("sha256").update(Buffer.concat(parts)).digest();

export class HandshakeError extends Error {}

/** The server side of one auth key exchange (req_pq_multi → dh_gen_ok), per TCP connection. */
export class Handshake {
  private nonce?: Int;
  private serverNonce?: Int;
  private pq?: { p: bigint; q: bigint; pq: Buffer };
  private newNonce?: Int;
  private dhKey?: ServerDhKey;
  private aes?: { key: Buffer; iv: Buffer };

  constructor(
    private readonly rsa: RsaKey,
    private readonly onAuthKey: (authKey: Buffer) => void,
  ) {}

  async handle(request: unknown): Promise<{ getBytes(): Buffer }> {
    if (request instanceof Api.ReqPqMulti || request instanceof Api.ReqPq) return this.resPq(request.nonce);
    if (request instanceof Api.ReqDHParams) return this.dhParams(request);
    if (request instanceof Api.SetClientDHParams) return this.clientDh(request);
    throw new HandshakeError("unexpected unencrypted message");
  }

  private resPq(nonce: Int): Api.ResPQ {
    this.nonce = nonce;
    this.serverNonce = readBigIntFromBuffer(randomBytes(16), true, true);
    this.pq = generatePq();
    return new Api.ResPQ({
      nonce,
      serverNonce: this.serverNonce,
      pq: this.pq.pq,
      serverPublicKeyFingerprints: [returnBigInt(this.rsa.fingerprint)],
    });
  }

  private async dhParams(req: Api.ReqDHParams): Promise<Api.ServerDHParamsOk> {
    this.checkNonces(req.nonce, req.serverNonce);
    if (req.publicKeyFingerprint.toString() !== this.rsa.fingerprint) throw new HandshakeError("unknown fingerprint");
    const inner = this.decryptInnerData(req.encryptedData);
    const pq = this.pq!;
    const p = bufferToBigInt(req.p);
    const q = bufferToBigInt(req.q);
    if (!(inner instanceof Api.PQInnerData || inner instanceof Api.PQInnerDataDc))
      throw new HandshakeError("bad p_q_inner_data");
    if (p !== pq.p || q !== pq.q || bufferToBigInt(inner.pq) !== bufferToBigInt(pq.pq))
      throw new HandshakeError("bad p, q");
    this.checkNonces(inner.nonce, inner.serverNonce);
    this.newNonce = inner.newNonce;
    this.aes = await generateKeyDataFromNonce(this.serverNonce!, this.newNonce);
    this.dhKey = createServerDhKey();
    const answer = new Api.ServerDHInnerData({
      nonce: this.nonce!,
      serverNonce: this.serverNonce!,
      g: DH_G,
      dhPrime: DH_PRIME_BYTES,
      gA: this.dhKey.gA,
      serverTime: Math.floor(Date.now() / 1000),
    }).getBytes();
    const withHash = Buffer.concat([sha1(answer), answer]);
    const padded = Buffer.concat([withHash, randomBytes((16 - (withHash.length % 16)) % 16)]);
    return new Api.ServerDHParamsOk({
      nonce: this.nonce!,
      serverNonce: this.serverNonce!,
      encryptedAnswer: igeEncrypt(padded, this.aes.key, this.aes.iv),
    });
  }

  /** p_q_inner_data, sent RSA_PAD-encrypted or (older clients such as Telethon 1.x) as RSA(sha1(data) + data + padding). */
  private decryptInnerData(encrypted: Buffer): unknown {
    let plain: Buffer;
    try {
      plain = rsaRawDecrypt(this.rsa, encrypted);
    } catch {
      throw new HandshakeError("RSA decryption failed");
    }
    return readSha1Prefixed(plain) ?? this.decryptRsaPad(plain);
  }

  /** RSA_PAD after the RSA step: temp_key recovery, AES-IGE, reversal and a SHA256 check. */
  private decryptRsaPad(plain: Buffer): unknown {
    const aesEncrypted = plain.subarray(32);
    const mask = sha256(aesEncrypted);
    const tempKey = Buffer.from(plain.subarray(0, 32).map((b, i) => b ^ mask[i]!));
    const dataWithHash = igeDecrypt(aesEncrypted, tempKey, Buffer.alloc(32));
    const dataWithPadding = Buffer.from(dataWithHash.subarray(0, 192)).reverse();
    if (!sha256(tempKey, dataWithPadding).equals(dataWithHash.subarray(192)))
      throw new HandshakeError("RSA_PAD hash mismatch");
    return new BinaryReader(dataWithPadding).tgReadObject();
  }

  private async clientDh(req: Api.SetClientDHParams): Promise<Api.DhGenOk> {
    this.checkNonces(req.nonce, req.serverNonce);
    if (!this.aes || !this.dhKey || !this.newNonce) throw new HandshakeError("set_client_DH_params out of order");
    const plain = igeDecrypt(req.encryptedData, this.aes.key, this.aes.iv);
    const inner = new BinaryReader(plain.subarray(20)).tgReadObject();
    if (!(inner instanceof Api.ClientDHInnerData)) throw new HandshakeError("bad client_DH_inner_data");
    if (!sha1(inner.getBytes()).equals(plain.subarray(0, 20)))
      throw new HandshakeError("client_DH_inner_data hash mismatch");
    this.checkNonces(inner.nonce, inner.serverNonce);
    const authKeyBytes = computeAuthKey(this.dhKey, inner.gB);
    const authKey = new AuthKey();
    await authKey.setKey(authKeyBytes);
    this.onAuthKey(authKeyBytes);
    const result = new Api.DhGenOk({
      nonce: this.nonce!,
      serverNonce: this.serverNonce!,
      newNonceHash1: await authKey.calcNewNonceHash(this.newNonce, 1),
    });
    this.dhKey = undefined;
    this.aes = undefined;
    return result;
  }

  private checkNonces(nonce: Int, serverNonce: Int): void {
    if (!this.nonce || !this.serverNonce || nonce.neq(this.nonce) || serverNonce.neq(this.serverNonce)) {
      throw new HandshakeError("nonce mismatch");
    }
  }
}

/**
 * The pre-RSA_PAD form: a zero byte (the 255-byte block is below the modulus), sha1(data), data, random padding.
 * Undefined unless the SHA1 matches the object that follows it.
 */
function readSha1Prefixed(plain: Buffer): unknown {
  if (plain[0] !== 0) return undefined;
  try {
    const reader = new BinaryReader(plain.subarray(21));
    const inner = reader.tgReadObject() as { getBytes(): Buffer };
    return sha1(plain.subarray(21, 21 + reader.tellPosition())).equals(plain.subarray(1, 21)) ? inner : undefined;
  } catch {
    return undefined;
  }
}

export const authKeyIdOf = (authKey: Buffer): Buffer => sha1(authKey).subarray(12, 20);
