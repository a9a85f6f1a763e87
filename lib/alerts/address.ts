import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { DomainError } from "@/lib/errors/domain";
import { env } from "@/lib/env";

/** Loopback, link-local, private, shared, multicast and reserved ranges: never a webhook's destination. */
const blocked = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  blocked.addSubnet(network, prefix, "ipv4");
// IPv6: only global unicast (2000::/3) is reachable, without the ranges in it (or beside it) that translate to or
// tunnel into IPv4 (NAT64, Teredo, 6to4), whose far end is an IPv4 address not checked here, and documentation.
const globalUnicast = new BlockList();
globalUnicast.addSubnet("2000::", 3, "ipv6");
for (const [network, prefix] of [
  ["64:ff9b::", 96],
  ["64:ff9b:1::", 48],
  ["2001::", 32],
  ["2001:db8::", 32],
  ["2002::", 16],
] as const)
  blocked.addSubnet(network, prefix, "ipv6");

/** Whether `address` (an IP) is one a webhook may reach; an IPv4-mapped IPv6 address is judged as IPv4. */
export function isPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isPublicAddress(mapped);
  const family = isIP(address);
  if (family === 0) return false;
  if (family === 6 && !globalUnicast.check(address, "ipv6")) return false;
  return !blocked.check(address, family === 4 ? "ipv4" : "ipv6");
}

export const privateUrlsAllowed = () => env().ALERT_ALLOW_PRIVATE_URLS === "on";

export class UnsafeUrlError extends DomainError {
  constructor(message: string) {
    super("invalid_input", message, { fields: { url: message } });
    this.name = "UnsafeUrlError";
  }
}

/** Parses a webhook URL: https only (unless private URLs are allowed), no credentials in it. */
export function parseWebhookUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UnsafeUrlError("Give a full URL, such as https://hooks.example.com/alerts.");
  }
  const schemes = privateUrlsAllowed() ? ["https:", "http:"] : ["https:"];
  if (!schemes.includes(url.protocol)) throw new UnsafeUrlError("The URL must start with https://.");
  if (url.username || url.password) throw new UnsafeUrlError("Put no user name or password in the URL.");
  return url;
}

/** A name that does not resolve now: refused at creation, retried at delivery (DNS may be down for a while). */
export class UnresolvedHostError extends DomainError {
  constructor(host: string) {
    const message = `The host ${host} could not be resolved.`;
    super("invalid_input", message, { fields: { url: message } });
    this.name = "UnresolvedHostError";
  }
}

export type ResolvedAddress = { address: string; family: 4 | 6 };

/**
 * Resolves the URL's host and returns the address to connect to: every address the name resolves to must be
 * public (unless private URLs are allowed), so a name that also points inside cannot be used. The caller
 * connects to this very address (no second lookup a rebinding DNS server could answer differently).
 */
export async function resolveWebhookHost(url: URL): Promise<ResolvedAddress> {
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  let addresses: ResolvedAddress[];
  try {
    addresses = isIP(host)
      ? [{ address: host, family: isIP(host) as 4 | 6 }]
      : ((await lookup(host, { all: true, verbatim: true })) as ResolvedAddress[]);
  } catch {
    throw new UnresolvedHostError(host);
  }
  const [first] = addresses;
  if (!first) throw new UnresolvedHostError(host);
  if (!privateUrlsAllowed() && addresses.some((a) => !isPublicAddress(a.address)))
    throw new UnsafeUrlError("The URL points to a loopback, link-local or private address.");
  return first;
}

/** Refuses (400, field `url`) a webhook URL that is not https or does not resolve to public addresses only. */
export async function checkWebhookUrl(text: string): Promise<URL> {
  const url = parseWebhookUrl(text);
  await resolveWebhookHost(url);
  return url;
}
