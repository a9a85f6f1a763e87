import { bumpSessionVersion, findMemberById } from "@/db/queries/users";
import { apiRoute } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas/common";
import { notFound } from "@/lib/errors/domain";
import { memberRef } from "@/lib/api/schemas/team";

/** Ends every sign-in of a member (each browser must sign in again) without disabling them. */
export const DELETE = apiRoute(
  {
    summary: "End every sign-in of a member",
    response: memberRef,
    role: "admin",
    params: idParams,
    audit: { action: "team_member.end_sign_ins", target: ({ params }) => params.id },
  },
  async ({ db, params, note }) => {
    const member = await findMemberById(db, params.id);
    if (!member) throw notFound("The member");
    note({ target: member.email });
    await bumpSessionVersion(db, member.id);
    return { id: member.id, email: member.email };
  },
);
