import { createDiffieHellman, randomBytes, type DiffieHellman } from "node:crypto";
import { DH_G, DH_PRIME_BYTES } from "./dh-prime";

// Creating a DiffieHellman object checks the prime (~250 ms), so one is kept and
// re-keyed per exchange; calls are synchronous, so sharing it is safe.
let shared: DiffieHellman | undefined;

function dh(): DiffieHellman {
  shared ??= createDiffieHellman(DH_PRIME_BYTES, DH_G);
  return shared;
}

export interface ServerDhKey {
  secret: Buffer;
  gA: Buffer;
}

export function createServerDhKey(): ServerDhKey {
  const secret = randomBytes(256);
  const d = dh();
  d.setPrivateKey(secret);
  d.generateKeys();
  return { secret, gA: stripLeadingZeros(d.getPublicKey()) };
}

/** g^ab in its minimal-length big-endian form: exactly what GramJS uses as the auth key. */
export function computeAuthKey(key: ServerDhKey, gB: Buffer): Buffer {
  const d = dh();
  d.setPrivateKey(key.secret);
  return stripLeadingZeros(d.computeSecret(gB));
}

function stripLeadingZeros(buf: Buffer): Buffer {
  let i = 0;
  while (i < buf.length - 1 && buf[i] === 0) i++;
  return buf.subarray(i);
}
