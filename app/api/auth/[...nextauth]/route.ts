import type { NextRequest } from "next/server";
import { getDb } from "@/db";
import { invalidCallbackUrl } from "@/lib/auth/cookies";
import { handlers } from "@/lib/auth/config";
import { isCredentialsSignIn, throttledSignIn } from "@/lib/auth/sign-in";

export async function GET(request: NextRequest): Promise<Response> {
  return invalidCallbackUrl(request) ?? handlers.GET(request);
}

/** Auth.js, with throttling in front of the credentials sign-in (429 with Retry-After). */
export async function POST(request: NextRequest): Promise<Response> {
  const badCallbackUrl = invalidCallbackUrl(request);
  if (badCallbackUrl) return badCallbackUrl;
  if (isCredentialsSignIn(request)) {
    const refused = await throttledSignIn(await getDb(), request);
    if (refused) return refused;
  }
  return handlers.POST(request);
}
