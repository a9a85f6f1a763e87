/**
 * The client address for audit rows and throttling. Next sets X-Forwarded-For from the socket
 * only when absent, and a proxy appends the address it saw, so the last entry is the nearest
 * hop we can observe; without a proxy in front, a client can choose this value.
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  return last || headers.get("x-real-ip")?.trim() || null;
}
