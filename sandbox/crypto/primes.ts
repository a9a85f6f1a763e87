import { generatePrimeSync } from "node:crypto";

/** pq for resPQ: the product of two distinct 31-bit primes, big-endian. */
export function generatePq(): { p: bigint; q: bigint; pq: Buffer } {
  const p = generatePrimeSync(31, { bigint: true });
  let q = generatePrimeSync(31, { bigint: true });
  while (q === p) q = generatePrimeSync(31, { bigint: true });
  const pq = Buffer.alloc(8);
  pq.writeBigUInt64BE(p * q);
  return p < q ? { p, q, pq } : { p: q, q: p, pq };
}
