import { BlockList, isIPv4, isIPv6 } from "node:net";

/** The peers whose `X-Forwarded-For` the console believes (`TRUSTED_PROXIES`). */
export type TrustedProxies = { has(address: string): boolean };

/**
 * An address as the console compares it: IPv4 dotted, IPv6 without brackets or zone; an IPv4-mapped IPv6 address
 * (`::ffff:10.0.0.1`, how a dual-stack socket reports IPv4 peers) as its IPv4 address. Null when not an address.
 */
export function normalizeAddress(text: string): string | null {
  const bare = text.trim().replace(/^\[(.*)\]$/, "$1");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return isIPv4(mapped[1]!) ? mapped[1]! : null;
  if (isIPv4(bare)) return bare;
  return isIPv6(bare) ? bare.toLowerCase() : null;
}

/**
 * `TRUSTED_PROXIES`: comma-separated CIDRs (`10.0.0.0/8`, `fd00::/8`) or single addresses; empty trusts nobody.
 * Throws naming the first entry that is neither.
 */
export function parseTrustedProxies(text: string): TrustedProxies {
  const list = new BlockList();
  for (const entry of text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [address = "", prefix, extra] = entry.split("/");
    const family = isIPv4(address) ? "ipv4" : isIPv6(address) ? "ipv6" : null;
    const bits = family === "ipv4" ? 32 : 128;
    const length = prefix === undefined ? bits : /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
    if (!family || extra !== undefined || !(length >= 0 && length <= bits))
      throw new Error(`"${entry}" is not an IPv4 or IPv6 address or CIDR (such as 10.0.0.0/8 or fd00::/8)`);
    list.addSubnet(address, length, family);
  }
  return {
    has(address) {
      const normal = normalizeAddress(address);
      return normal !== null && list.check(normal, isIPv4(normal) ? "ipv4" : "ipv6");
    },
  };
}
