import { apiRoute, signedInMember } from "@/lib/api/handler";
import { confirmTotpBody, factorItem, type ConfirmedFactor, confirmedFactor } from "@/lib/api/schemas/second-factor";
import { factorProvedCookie } from "@/lib/auth/cookies";
import { confirmTotpEnrolment } from "@/lib/auth/second-factor";

/**
 * Confirms an authenticator app with its current code. The member's first factor comes with their recovery codes
 * (this once), and the sign-in counts as proved by it from now on; a further factor needs a recent proof of an earlier one.
 */
export const POST = apiRoute(
  {
    summary: "Confirm an authenticator app with a code from it",
    response: confirmedFactor,
    role: "viewer",
    body: confirmTotpBody,
    stepUp: true,
    enrolment: true,
    audit: { action: "second_factor.add", target: ({ body }) => body.id, detail: () => ({ kind: "totp" }) },
  },
  async ({ db, actor, body, note, setCookie, request }): Promise<ConfirmedFactor> => {
    const member = signedInMember(actor);
    const { factor, recoveryCodes } = await confirmTotpEnrolment(db, member, body);
    note({ detail: { name: factor.name, recoveryCodesIssued: recoveryCodes !== null } });
    if (recoveryCodes !== null) {
      const cookie = await factorProvedCookie(request.headers);
      if (cookie) setCookie(cookie);
    }
    return { item: factorItem(factor), recoveryCodes };
  },
);
