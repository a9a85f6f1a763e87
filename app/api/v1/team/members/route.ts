import { createUser, listUsers } from "@/db/queries/users";
import { apiRoute } from "@/lib/api/handler";
import { addMemberBody, memberItem, type AddedMember, addedMember, memberList } from "@/lib/api/schemas/team";
import { hashPassword } from "@/lib/auth/sign-in";
import { temporaryPassword } from "./temporary-password";

export const GET = apiRoute({ summary: "List the team", response: memberList, role: "admin" }, async ({ db }) => ({
  items: (await listUsers(db)).map(memberItem),
}));

/** Adds a member with a generated temporary password, returned this once; they must change it at first sign-in. */
export const POST = apiRoute(
  {
    summary: "Add a member: a temporary password, shown once",
    response: addedMember,
    role: "admin",
    body: addMemberBody,
    status: 201,
    audit: {
      action: "team_member.create",
      target: ({ body }) => body.email,
      detail: ({ body }) => ({ role: body.role }),
    },
  },
  async ({ db, body, note }): Promise<AddedMember> => {
    const password = temporaryPassword();
    const member = await createUser(db, {
      email: body.email,
      role: body.role,
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
    });
    note({ target: member.email });
    return { member: memberItem(member), temporaryPassword: password };
  },
);
