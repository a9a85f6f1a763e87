import type { Role } from "@/db/schema";

/** Who is making a request: a signed-in member (cookie) or an API token (Bearer). */
export type Actor =
  | { kind: "user"; id: string; email: string; role: Role; label: string; mustChangePassword: boolean }
  | { kind: "token"; id: string; name: string; role: Role; label: string; createdById: string | null };

/** Roles in increasing power; a requirement is met by the role itself or a stronger one. */
const rank: Record<Role, number> = { viewer: 0, admin: 1 };

export function hasRole(actor: Actor, required: Role): boolean {
  return rank[actor.role] >= rank[required];
}

/** The users.id to record as the audit actor (a token acts for the member who created it). */
export function auditActorId(actor: Actor): string | null {
  return actor.kind === "user" ? actor.id : actor.createdById;
}
