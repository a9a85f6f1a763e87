import { createHash, randomBytes, randomInt } from "node:crypto";
import { igeDecrypt, igeEncrypt } from "../crypto/ige";

const sha256 = (...parts: Buffer[]): Buffer => createHash("sha256").update(Buffer.concat(parts)).digest();

export interface InnerMessage {
  salt: Buffer;
  sessionId: bigint;
  msgId: bigint;
  seqNo: number;
  body: Buffer;
}

/** MTProto 2.0 AES key and IV; x = 0 for client→server, 8 for server→client. */
function messageKeys(authKey: Buffer, msgKey: Buffer, x: 0 | 8): { key: Buffer; iv: Buffer } {
  const a = sha256(msgKey, authKey.subarray(x, x + 36));
  const b = sha256(authKey.subarray(40 + x, 76 + x), msgKey);
  return {
    key: Buffer.concat([a.subarray(0, 8), b.subarray(8, 24), a.subarray(24, 32)]),
    iv: Buffer.concat([b.subarray(0, 8), a.subarray(8, 24), b.subarray(24, 32)]),
  };
}

/** Decrypts a client packet; returns undefined when it fails any MTProto 2.0 check. */
export function decryptClientPacket(authKey: Buffer, packet: Buffer): InnerMessage | undefined {
  const encrypted = packet.subarray(24);
  if (encrypted.length < 48 || encrypted.length % 16 !== 0) return undefined;
  const msgKey = packet.subarray(8, 24);
  const { key, iv } = messageKeys(authKey, msgKey, 0);
  const plain = igeDecrypt(encrypted, key, iv);
  if (!sha256(authKey.subarray(88, 120), plain).subarray(8, 24).equals(msgKey)) return undefined;
  const length = plain.readInt32LE(28);
  const padding = plain.length - 32 - length;
  if (length < 4 || length % 4 !== 0 || padding < 12 || padding > 1024) return undefined;
  return {
    salt: plain.subarray(0, 8),
    sessionId: plain.readBigInt64LE(8),
    msgId: plain.readBigInt64LE(16),
    seqNo: plain.readInt32LE(24),
    body: plain.subarray(32, 32 + length),
  };
}

export function encryptServerPacket(authKey: Buffer, authKeyId: Buffer, message: InnerMessage): Buffer {
  const head = Buffer.alloc(32);
  message.salt.copy(head, 0);
  head.writeBigInt64LE(message.sessionId, 8);
  head.writeBigInt64LE(message.msgId, 16);
  head.writeInt32LE(message.seqNo, 24);
  head.writeInt32LE(message.body.length, 28);
  const unpadded = 32 + message.body.length;
  const padding = randomBytes(12 + ((16 - ((unpadded + 12) % 16)) % 16) + 16 * randomInt(0, 4));
  const plain = Buffer.concat([head, message.body, padding]);
  const msgKey = sha256(authKey.subarray(96, 128), plain).subarray(8, 24);
  const { key, iv } = messageKeys(authKey, msgKey, 8);
  return Buffer.concat([authKeyId, msgKey, igeEncrypt(plain, key, iv)]);
}
