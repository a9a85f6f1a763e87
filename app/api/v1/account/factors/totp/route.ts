import { apiRoute, signedInMember } from "@/lib/api/handler";
import { beginTotpBody, type TotpEnrolment, totpEnrolment } from "@/lib/api/schemas/second-factor";
import { beginTotpEnrolment } from "@/lib/auth/second-factor";

/**
 * Starts adding an authenticator app: its secret (in the answer this once) waits for a first code. A member who
 * already has a factor proves it recently first.
 */
export const POST = apiRoute(
  {
    summary: "Start adding an authenticator app: its secret, shown once",
    response: totpEnrolment,
    role: "viewer",
    body: beginTotpBody,
    status: 201,
    stepUp: true,
    enrolment: true,
    audit: { action: "second_factor.begin", detail: ({ body }) => ({ kind: "totp", name: body.name }) },
  },
  async ({ db, actor, body }): Promise<TotpEnrolment> => beginTotpEnrolment(db, signedInMember(actor), body.name),
);
