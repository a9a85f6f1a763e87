let last = 0n;

/**
 * Server message ids: unixtime in the high 32 bits, strictly increasing,
 * ≡ 1 (mod 4) for responses to a client message and ≡ 3 otherwise.
 */
export function serverMsgId(isResponse: boolean): bigint {
  const nowMs = BigInt(Date.now());
  let id = ((nowMs / 1000n) << 32n) | (((nowMs % 1000n) * 4_294_967n) & ~3n);
  if (id <= last) id = (last + 4n) & ~3n;
  last = id;
  return id | (isResponse ? 1n : 3n);
}

/** Seconds since the epoch a client msg_id claims. */
export function msgIdTime(msgId: bigint): number {
  return Number(msgId >> 32n);
}
