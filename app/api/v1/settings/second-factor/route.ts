import { apiRoute } from "@/lib/api/handler";
import {
  secondFactorPolicyPatch,
  secondFactorPolicyView,
  type SecondFactorPolicyView,
} from "@/lib/api/schemas/settings";
import { readSecondFactorPolicy, writeSecondFactorPolicy } from "@/lib/auth/second-factor-policy";

/** Whether admins must sign in with a second factor (an admin without one is sent to add one first). */
export const GET = apiRoute(
  { summary: "Whether admins must use a second factor", response: secondFactorPolicyView, role: "admin" },
  ({ db }): Promise<SecondFactorPolicyView> => readSecondFactorPolicy(db),
);

/** Changes the policy; asks for a recent proof of the admin's own factor. */
export const PATCH = apiRoute(
  {
    summary: "Change whether admins must use a second factor",
    response: secondFactorPolicyView,
    role: "admin",
    body: secondFactorPolicyPatch,
    stepUp: true,
    audit: { action: "settings.update", target: () => "second_factor_policy", detail: ({ body }) => body },
  },
  async ({ db, body, actor }): Promise<SecondFactorPolicyView> =>
    writeSecondFactorPolicy(db, { ...(await readSecondFactorPolicy(db)), ...body }, actor.label),
);
