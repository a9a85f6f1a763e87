export function bufferToBigInt(buf: Buffer): bigint {
  return buf.length === 0 ? 0n : BigInt(`0x${buf.toString("hex")}`);
}

/** Big-endian bytes; minimal length unless `length` is given (then left-padded). */
export function bigIntToBuffer(value: bigint, length?: number): Buffer {
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  const raw = Buffer.from(hex, "hex");
  if (length === undefined || raw.length === length) return raw;
  if (raw.length > length) throw new Error("number does not fit");
  return Buffer.concat([Buffer.alloc(length - raw.length), raw]);
}

export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}
