import { z } from "zod";
import type { Member } from "@/db/queries/users";
import { roleEnum } from "@/db/schema/users";
import { iso, isoOrNull } from "@/lib/http/json-dates";
import { isoDate, isoDateOrNull } from "./common";

export const role = z.enum(roleEnum.enumValues);

export const addMemberBody = z.object({
  email: z.email("Enter a valid email address.").max(254),
  role,
});

export const changeMemberBody = z
  .object({ role: role.optional(), disabled: z.boolean().optional() })
  .refine((change) => change.role !== undefined || change.disabled !== undefined, "Send a role or disabled.");

export type MemberItem = {
  id: string;
  email: string;
  role: z.infer<typeof role>;
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  lastSignInAt: string | null;
};

/** Answer to adding a member: the temporary password appears here once and is never stored in clear. */
export type AddedMember = { member: MemberItem; temporaryPassword: string };

export function memberItem(member: Member): MemberItem {
  const { id, email, role, disabled, mustChangePassword } = member;
  return {
    id,
    email,
    role,
    disabled,
    mustChangePassword,
    createdAt: iso(member.createdAt),
    lastSignInAt: isoOrNull(member.lastSignInAt),
  };
}

export const memberItemSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    role,
    disabled: z.boolean(),
    mustChangePassword: z.boolean(),
    createdAt: isoDate,
    lastSignInAt: isoDateOrNull,
  })
  .meta({ id: "MemberItem" });

export const memberList = z.object({ items: z.array(memberItemSchema) });
export const addedMember = z.object({
  member: memberItemSchema,
  temporaryPassword: z.string().meta({ description: "Shown this once; never stored in clear." }),
});
export const memberRef = z.object({ id: z.uuid(), email: z.string() });
export const factorsRemoved = z.object({ id: z.uuid(), removed: z.number().int() });
