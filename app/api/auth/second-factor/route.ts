import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/db";
import { ApiError } from "@/lib/api/errors";
import { isSameOrigin } from "@/lib/api/origin";
import { errorReply } from "@/lib/api/reply";
import { requestMeta } from "@/lib/audit";
import { requestOrigin, safeCallbackPath, sessionCookieFor } from "@/lib/auth/cookies";
import { exchangeSignInTicket, factorProofSchema } from "@/lib/auth/second-factor";
import { maxSignInBodyBytes, throttledMessage } from "@/lib/auth/sign-in";
import { PayloadTooLargeError, readBodyText } from "@/lib/http/body";

const bodySchema = z.object({
  ticket: z.string().min(1).max(100),
  proof: factorProofSchema,
  callbackUrl: z.string().max(2048).optional(),
});

/** One answer for every refusal, so a wrong code, a spent one and a dead ticket cannot be told apart. */
const refused = () =>
  new ApiError("sign_in_failed", "The code is not right, or the sign-in expired. Try again or start over.");

/**
 * The factor step of signing in: the ticket from the password step and a second-factor proof, for the sign-in
 * cookie (with the proof's time, for step-up) and where to go next.
 */
export async function POST(request: Request): Promise<Response> {
  if (!isSameOrigin(request)) {
    return errorReply(new ApiError("csrf_rejected", "This request did not come from the console."));
  }
  let text: string;
  try {
    text = await readBodyText(request, maxSignInBodyBytes);
  } catch (error) {
    if (error instanceof PayloadTooLargeError) {
      return errorReply(new ApiError("payload_too_large", "The request body is too large."));
    }
    throw error;
  }
  const input = bodySchema.safeParse(parseJson(text));
  if (!input.success) return errorReply(new ApiError("invalid_input", "Send a ticket and a code."));
  const meta = requestMeta(request.headers);
  const outcome = await exchangeSignInTicket(await getDb(), input.data, meta);
  if (outcome.kind === "throttled") {
    const headers = { "Retry-After": String(outcome.retryAfter) };
    return errorReply(new ApiError("too_many_attempts", throttledMessage(outcome.retryAfter), { headers }));
  }
  if (outcome.kind === "refused") return errorReply(refused());
  const now = Math.floor(Date.now() / 1000);
  const { user } = outcome;
  const cookie = await sessionCookieFor({ sub: user.id, sv: user.sessionVersion, st: now, la: now, mf: now }, now);
  const path = safeCallbackPath(input.data.callbackUrl ?? "/", requestOrigin(request.headers));
  const response = NextResponse.json({ url: path }, { headers: { "Cache-Control": "no-store" } });
  response.cookies.set(cookie.name, cookie.value, cookie.options);
  return response;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
