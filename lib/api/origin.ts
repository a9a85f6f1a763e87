/**
 * Whether a cookie-authenticated mutation comes from our own pages. Browsers send Origin on
 * fetch POST/PATCH/DELETE and cannot be made to forge it or Sec-Fetch-Site from another site.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin) return origin !== "null" && ownHosts(request).has(hostOf(origin));
  return request.headers.get("sec-fetch-site") === "same-origin";
}

function ownHosts(request: Request): Set<string> {
  const hosts = new Set([new URL(request.url).host]);
  // Behind a reverse proxy the public host arrives in these; a cross-site page cannot set them on a browser request.
  for (const name of ["x-forwarded-host", "host"]) {
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
