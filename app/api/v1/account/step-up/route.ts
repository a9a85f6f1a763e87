import { apiRoute, signedInMember } from "@/lib/api/handler";
import { ApiError } from "@/lib/api/errors";
import { stepUpBody, stepUpReply } from "@/lib/api/schemas/second-factor";
import { requestMeta } from "@/lib/audit";
import { factorProvedCookie } from "@/lib/auth/cookies";
import { proveFactorAgain } from "@/lib/auth/second-factor";
import { throttledMessage } from "@/lib/auth/sign-in";

/**
 * Step-up: the member proves their second factor again, and this sign-in counts as freshly proved (for
 * `step_up_required` actions) for the next ten minutes. Wrong codes are throttled with sign-ins.
 */
export const POST = apiRoute(
  {
    summary: "Prove a second factor again before a sensitive change",
    response: stepUpReply,
    role: "viewer",
    body: stepUpBody,
    transaction: "manual",
    audit: { action: "auth.step_up" },
  },
  async ({ db, actor, body, request, setCookie, note }): Promise<{ proved: true }> => {
    const member = signedInMember(actor);
    note({ detail: { method: body.proof.method } });
    const outcome = await proveFactorAgain(db, member, body.proof, requestMeta(request.headers));
    if (outcome.kind === "throttled") {
      const headers = { "Retry-After": String(outcome.retryAfter) };
      throw new ApiError("too_many_attempts", throttledMessage(outcome.retryAfter), { headers });
    }
    if (outcome.kind === "refused") throw new ApiError("sign_in_failed", "The code is not right.");
    const cookie = await factorProvedCookie(request.headers);
    if (cookie) setCookie(cookie);
    return { proved: true };
  },
);
