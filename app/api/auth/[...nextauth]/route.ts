import type { NextRequest } from "next/server";
import { getDb } from "@/db";
import { handlers } from "@/lib/auth/config";
import { isCredentialsSignIn, throttledSignIn } from "@/lib/auth/sign-in-throttle";

export const GET = handlers.GET;

/** Auth.js, with throttling in front of the credentials sign-in (429 with Retry-After). */
export async function POST(request: NextRequest): Promise<Response> {
  if (isCredentialsSignIn(request)) {
    const refused = await throttledSignIn(await getDb(), request);
    if (refused) return refused;
  }
  return handlers.POST(request);
}
