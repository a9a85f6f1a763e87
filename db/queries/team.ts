import { and, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { apiTokens, users, type Role } from "@/db/schema";
import { findMemberById, type Member } from "./users";

export type MemberChange = { role?: Role; disabled?: boolean };

/**
 * Ids of the enabled admins, with their rows locked until the transaction ends, so two admins
 * demoting each other at once cannot both pass the "last admin" check.
 */
export async function lockActiveAdminIds(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.disabled, false)))
    .for("update");
  return rows.map((row) => row.id);
}

/** Applies a role or disabled change and ends the member's sessions, so it holds from their next request. */
export async function updateMember(db: DbOrTx, id: string, change: MemberChange): Promise<Member | undefined> {
  const updated = await db
    .update(users)
    .set({ ...change, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, id))
    .returning({ id: users.id });
  return updated.length ? findMemberById(db, id) : undefined;
}

/**
 * Deletes a member and revokes the API tokens they created; audit rows keep their label. The member's row is
 * locked first: a token being created for them commits before the revocation looks (and is revoked), and one
 * created after waits and then finds no member, so no working token is left without an owner.
 */
export async function removeMember(db: DbOrTx, id: string): Promise<boolean> {
  await db.select({ id: users.id }).from(users).where(eq(users.id, id)).for("update");
  await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.createdById, id), isNull(apiTokens.revokedAt)));
  const deleted = await db.delete(users).where(eq(users.id, id)).returning({ id: users.id });
  return deleted.length > 0;
}
