import { clientIp } from "@/lib/api/client-ip";

/** Where a request came from, for throttling and audit rows. */
export type RequestMeta = { ip: string; userAgent: string | null };

export function requestMeta(headers: Headers): RequestMeta {
  return {
    ip: (clientIp(headers) ?? "unknown").slice(0, 64),
    userAgent: headers.get("user-agent")?.slice(0, 300) ?? null,
  };
}
