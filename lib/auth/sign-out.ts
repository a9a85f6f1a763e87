import type { Db } from "@/db";
import { bumpSessionVersion } from "@/db/queries/users";
import { writeAuthAudit } from "./audit";
import type { RequestMeta } from "./request-meta";
import type { UserActor } from "./session-actor";

/** Ends every session of the member (all their cookies stop working) and records it. */
export async function signOutMember(db: Db, member: Pick<UserActor, "id" | "email">, meta: RequestMeta): Promise<void> {
  await db.transaction(async (tx) => {
    await bumpSessionVersion(tx, member.id);
    await writeAuthAudit(tx, {
      action: "auth.sign_out",
      outcome: "success",
      actorId: member.id,
      email: member.email,
      meta,
    });
  });
}
