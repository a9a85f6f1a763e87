import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { normalizeAddress, type TrustedProxies } from "@/lib/env/trusted-proxies";

/**
 * The socket's remote address, as the console's own server (`npm start`, scripts/start.ts) writes it: `<key> <address>`.
 * The key is random per process and lives on `globalThis`, where the server and the route bundles both see it;
 * under plain `next start` there is no key, so a copy a client sends means nothing.
 */
export const peerHeader = "x-console-peer";
const keySlot = Symbol.for("telegram-session-console.peer-key");
type KeyHolder = { [keySlot]?: string };

/** The server side: this process's key, made on first use. */
export function peerStamp(remoteAddress: string | undefined): string {
  const holder = globalThis as KeyHolder;
  holder[keySlot] ??= crypto.randomUUID();
  return `${holder[keySlot]} ${remoteAddress ?? ""}`;
}

function stampedPeer(headers: Headers): string | null {
  const key = (globalThis as KeyHolder)[keySlot];
  const [sent = "", address = ""] = (headers.get(peerHeader) ?? "").split(" ");
  if (!key || sent.length !== key.length || !timingSafeEqual(Buffer.from(sent), Buffer.from(key))) return null;
  return normalizeAddress(address);
}

/** Whether the request reached the console's server from a trusted proxy (whose forwarded headers count). */
export function fromTrustedProxy(headers: Headers, trusted: TrustedProxies = env().TRUSTED_PROXIES): boolean {
  const peer = stampedPeer(headers);
  return peer !== null && trusted.has(peer);
}

/**
 * The client address for audit rows and the sign-in throttle: the peer the console's server saw, or, while that peer
 * is a trusted proxy, the X-Forwarded-For entry it added (read right to left). Null when unknown (plain `next start`,
 * or a trusted proxy that passed something that is not an address): the throttle then counts per account only.
 */
export function clientIp(headers: Headers, trusted: TrustedProxies = env().TRUSTED_PROXIES): string | null {
  let client = stampedPeer(headers);
  const hops = (headers.get("x-forwarded-for") ?? "").split(",");
  while (client && trusted.has(client)) {
    const hop = hops.pop()?.trim();
    if (!hop) break;
    client = normalizeAddress(hop);
  }
  return client;
}
