import { removeMember, updateMember } from "@/db/queries/team";
import { findMemberById } from "@/db/queries/users";
import { apiRoute } from "@/lib/api/handler";
import { notFound } from "@/lib/errors/domain";
import { idParams } from "@/lib/api/schemas/common";
import { changeMemberBody, memberItem, memberItemSchema, memberRef } from "@/lib/api/schemas/team";
import { guardMemberChange } from "./member-change-guard";

/** Changes a member's role or disables/enables them; their sessions end so it holds from their next request. */
export const PATCH = apiRoute(
  {
    summary: "Change a member's role or disable them",
    response: memberItemSchema,
    role: "admin",
    params: idParams,
    body: changeMemberBody,
    audit: { action: "team_member.update", target: ({ params }) => params.id, detail: ({ body }) => body },
  },
  async ({ db, actor, params, body, note }) => {
    const member = await findMemberById(db, params.id);
    if (!member) throw notFound("The member");
    note({ target: member.email });
    const change = { role: body.role ?? member.role, disabled: body.disabled ?? member.disabled };
    // A no-op must not sign the member out.
    if (change.role === member.role && change.disabled === member.disabled) return memberItem(member);
    await guardMemberChange(db, actor, member, change.role === "viewer" || change.disabled);
    const updated = await updateMember(db, member.id, change);
    if (!updated) throw notFound("The member");
    return memberItem(updated);
  },
);

/** Removes a member; the API tokens they created are revoked with them. Asks for a recent factor proof. */
export const DELETE = apiRoute(
  {
    summary: "Remove a member",
    response: memberRef,
    role: "admin",
    params: idParams,
    stepUp: true,
    audit: { action: "team_member.remove", target: ({ params }) => params.id },
  },
  async ({ db, actor, params, note }) => {
    const member = await findMemberById(db, params.id);
    if (!member) throw notFound("The member");
    note({ target: member.email });
    await guardMemberChange(db, actor, member, true);
    if (!(await removeMember(db, member.id))) throw notFound("The member");
    return { id: member.id, email: member.email };
  },
);
