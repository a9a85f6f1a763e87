import type { TrustedProxies } from "@/lib/env/trusted-proxies";
import { fromTrustedProxy } from "@/lib/http/client-ip";

/**
 * Whether a cookie-authenticated mutation comes from our own pages. Browsers send Origin on
 * fetch POST/PATCH/DELETE and cannot be made to forge it or Sec-Fetch-Site from another site.
 */
export function isSameOrigin(request: Request, trusted?: TrustedProxies): boolean {
  const origin = request.headers.get("origin");
  if (origin) return origin !== "null" && ownHosts(request, trusted).has(hostOf(origin));
  return request.headers.get("sec-fetch-site") === "same-origin";
}

function ownHosts(request: Request, trusted?: TrustedProxies): Set<string> {
  const hosts = new Set([new URL(request.url).host]);
  // Behind a reverse proxy the public host arrives in X-Forwarded-Host, believed only from a proxy in TRUSTED_PROXIES.
  const names = fromTrustedProxy(request.headers, trusted) ? ["x-forwarded-host", "host"] : ["host"];
  for (const name of names) {
    const value = request.headers.get(name)?.split(",")[0]?.trim();
    if (value) hosts.add(value.toLowerCase());
  }
  return hosts;
}

function hostOf(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return "";
  }
}
