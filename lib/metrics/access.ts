import { createHash, timingSafeEqual } from "node:crypto";
import { hasRole, type Actor } from "@/lib/auth/actors";

export type MetricsAccess = "allowed" | "unauthenticated" | "forbidden";

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Equal-length digests, so the comparison takes the same time whatever the guess. */
function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

function bearer(headers: Headers): string | undefined {
  const [scheme, value, ...rest] = (headers.get("authorization") ?? "").trim().split(/\s+/);
  return scheme?.toLowerCase() === "bearer" && value && rest.length === 0 ? value : undefined;
}

/** The configured metrics token (for Prometheus), or an admin: signed in, or an API token with admin scope. */
export async function metricsAccess(
  headers: Headers,
  metricsToken: string | undefined,
  getActor: (headers: Headers) => Promise<Actor | null>,
): Promise<MetricsAccess> {
  const token = bearer(headers);
  if (metricsToken && token && sameSecret(token, metricsToken)) return "allowed";
  const actor = await getActor(headers);
  if (!actor) return "unauthenticated";
  return hasRole(actor, "admin") ? "allowed" : "forbidden";
}
