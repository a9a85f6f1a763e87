import { findMemberById } from "@/db/queries/users";
import { apiRoute } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas/common";
import { resetFactors } from "@/lib/auth/second-factor";
import { notFound } from "@/lib/errors/domain";
import { factorsRemoved } from "@/lib/api/schemas/team";

/**
 * Resets a member's second factors (every factor and recovery code goes) for one who lost their devices; they
 * enroll again at their next sign-in. Asks for the admin's recent proof.
 */
export const DELETE = apiRoute(
  {
    summary: "Remove every second factor of a member",
    response: factorsRemoved,
    role: "admin",
    params: idParams,
    stepUp: true,
    audit: { action: "second_factor.reset", target: ({ params }) => params.id },
  },
  async ({ db, params, note }): Promise<{ id: string; removed: number }> => {
    const member = await findMemberById(db, params.id);
    if (!member) throw notFound("The member");
    note({ target: member.email });
    const removed = await resetFactors(db, member.id);
    note({ detail: { removed } });
    return { id: member.id, removed };
  },
);
