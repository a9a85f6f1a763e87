import { createCipheriv, createDecipheriv } from "node:crypto";

// AES-256-IGE as MTProto uses it: iv[0..16] is the previous ciphertext block,
// iv[16..32] the previous plaintext block. Built on ECB so it runs natively.
function igeCrypt(data: Buffer, key: Buffer, iv: Buffer, encrypt: boolean): Buffer {
  if (data.length % 16 !== 0) throw new Error("IGE input must be a multiple of 16 bytes");
  const aes = encrypt
    ? createCipheriv("aes-256-ecb", key, null).setAutoPadding(false)
    : createDecipheriv("aes-256-ecb", key, null).setAutoPadding(false);
  let prevIn = Buffer.from(encrypt ? iv.subarray(0, 16) : iv.subarray(16, 32));
  let prevOut = Buffer.from(encrypt ? iv.subarray(16, 32) : iv.subarray(0, 16));
  const out = Buffer.alloc(data.length);
  const block = Buffer.alloc(16);
  for (let off = 0; off < data.length; off += 16) {
    const chunk = data.subarray(off, off + 16);
    for (let i = 0; i < 16; i++) block[i] = chunk[i]! ^ prevIn[i]!;
    const mid = aes.update(block);
    for (let i = 0; i < 16; i++) out[off + i] = mid[i]! ^ prevOut[i]!;
    prevIn = out.subarray(off, off + 16);
    prevOut = Buffer.from(chunk);
  }
  return out;
}

export function igeEncrypt(plain: Buffer, key: Buffer, iv: Buffer): Buffer {
  return igeCrypt(plain, key, iv, true);
}

export function igeDecrypt(cipher: Buffer, key: Buffer, iv: Buffer): Buffer {
  return igeCrypt(cipher, key, iv, false);
}
