import { hasConfirmedFactor } from "@/db/queries/second-factors";
import { apiRoute, signedInMember } from "@/lib/api/handler";
import { regenerateRecoveryCodes } from "@/lib/auth/second-factor";
import { DomainError } from "@/lib/errors/domain";
import { recoveryCodesReply } from "@/lib/api/schemas/second-factor";

/** Ten new recovery codes (in the answer this once); the old ones stop working. Asks for a recent proof. */
export const POST = apiRoute(
  {
    summary: "Replace your recovery codes (needs a recent factor proof)",
    response: recoveryCodesReply,
    role: "viewer",
    optionalBody: true,
    stepUp: true,
    audit: { action: "second_factor.recovery_codes" },
  },
  async ({ db, actor }): Promise<{ recoveryCodes: string[] }> => {
    const member = signedInMember(actor);
    if (!(await hasConfirmedFactor(db, member.id))) {
      throw new DomainError("conflict", "Add an authenticator app first.");
    }
    return { recoveryCodes: await regenerateRecoveryCodes(db, member.id) };
  },
);
