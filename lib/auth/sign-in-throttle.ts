import type { DbOrTx } from "@/db";
import { normalizeEmail } from "@/db/queries/users";
import { log } from "@/lib/log";
import { requestMeta } from "./request-meta";
import { signInRetryAfter } from "./throttle";

/** The credentials sign-in endpoint, below Auth.js's base path. */
export function isCredentialsSignIn(request: Request): boolean {
  return request.method === "POST" && new URL(request.url).pathname.endsWith("/callback/credentials");
}

/** A 429 for a sign-in attempt on a throttled account or from a throttled address, or null to let it through. */
export async function throttledSignIn(db: DbOrTx, request: Request): Promise<Response | null> {
  const { ip } = requestMeta(request.headers);
  const email = normalizeEmail(await submittedEmail(request.clone()));
  const retryAfter = await signInRetryAfter(db, { email, ip });
  if (retryAfter === null) return null;
  log.warn({ ip, retryAfter }, "Sign-in throttled after repeated failures");
  const minutes = Math.ceil(retryAfter / 60);
  const message = `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
  return Response.json(
    { error: { code: "too_many_attempts", message } },
    { status: 429, headers: { "Retry-After": String(retryAfter), "Cache-Control": "no-store" } },
  );
}

async function submittedEmail(request: Request): Promise<string> {
  const type = request.headers.get("content-type") ?? "";
  const body: unknown = type.includes("application/json")
    ? await request.json().catch(() => null)
    : Object.fromEntries(new URLSearchParams(await request.text()));
  const email = (body as { email?: unknown } | null)?.email;
  return typeof email === "string" ? email.slice(0, 254) : "";
}
