import type { DbOrTx } from "@/db";
import { lockActiveAdminIds } from "@/db/queries/team";
import type { Member } from "@/db/queries/users";
import { auditActorId } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actors";
import { DomainError } from "@/lib/errors/domain";

/**
 * Refuses changes that could lock the team out: acting on oneself (a token acts for its creator),
 * or demoting, disabling or removing the last enabled admin.
 */
export async function guardMemberChange(
  db: DbOrTx,
  actor: Actor,
  member: Member,
  removesAdmin: boolean,
): Promise<void> {
  if (auditActorId(actor) === member.id) {
    throw new DomainError(
      "self_change",
      "You cannot change your own role, disable or remove yourself. Ask another admin.",
    );
  }
  if (!removesAdmin || member.role !== "admin" || member.disabled) return;
  const otherAdmins = (await lockActiveAdminIds(db)).filter((id) => id !== member.id);
  if (otherAdmins.length === 0)
    throw new DomainError("last_admin", "This is the last enabled admin. Make someone else an admin first.");
}
