import { NextRequest } from "next/server";
import { getDb } from "@/db";
import { ApiError } from "@/lib/api/errors";
import { errorReply, jsonReply } from "@/lib/api/reply";
import { invalidCallbackUrl } from "@/lib/auth/cookies";
import { handlers } from "@/lib/auth/config";
import { gateSignIn, isCredentialsSignIn, maxSignInBodyBytes } from "@/lib/auth/sign-in";
import { PayloadTooLargeError, readBodyText } from "@/lib/http/body";

export async function GET(request: NextRequest): Promise<Response> {
  return invalidCallbackUrl(request) ?? handlers.GET(request);
}

/**
 * Auth.js, with the credentials sign-in gated: the body is read once with a size limit (413), the attempt is
 * counted before its password is hashed (429 with Retry-After past the limit), and a full hashing queue answers 503.
 * A member with a second factor gets `{ secondFactor: { ticket, methods } }` instead of the cookie.
 */
export async function POST(request: NextRequest): Promise<Response> {
  const badCallbackUrl = invalidCallbackUrl(request);
  if (badCallbackUrl) return badCallbackUrl;
  if (!isCredentialsSignIn(request)) return handlers.POST(request);
  let body: string;
  try {
    body = await readBodyText(request, maxSignInBodyBytes);
  } catch (error) {
    if (error instanceof PayloadTooLargeError) return errorReply(payloadTooLarge());
    throw error;
  }
  const forwarded = new NextRequest(request.url, { method: "POST", headers: request.headers, body });
  const gate = await gateSignIn(await getDb(), request, body, () => handlers.POST(forwarded));
  if (gate.kind === "answered") return gate.answer;
  // The password was right and the member has a second factor: no cookie yet, a ticket for the factor step.
  if (gate.kind === "second_factor") return jsonReply({ secondFactor: gate.pending });
  const code = gate.kind === "throttled" ? "too_many_attempts" : "server_busy";
  return errorReply(new ApiError(code, gate.message, { headers: { "Retry-After": String(gate.retryAfter) } }));
}

const payloadTooLarge = () => new ApiError("payload_too_large", "The request body is too large.");
