import { asc, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { systemActor, writeAudit } from "@/lib/audit";
import { sessionRevocations } from "@/db/schema";
import type { ConnectionManager } from "@/lib/telegram/connection/manager";
import { finishRevocation, postponeRevocation } from "./finish";
import { logOutAtTelegram } from "./logout";

/** Takes the most overdue pending logout for `holdSeconds` (SKIP LOCKED: any number of processes may run this). */
async function claimDueRevocation(db: Db, holdSeconds: number): Promise<string | undefined> {
  const due = db
    .select({ id: sessionRevocations.sessionId })
    .from(sessionRevocations)
    .where(lte(sessionRevocations.nextAttemptAt, sql`now()`))
    .orderBy(asc(sessionRevocations.nextAttemptAt))
    .limit(1)
    .for("update", { skipLocked: true });
  const [row] = await db
    .update(sessionRevocations)
    .set({ nextAttemptAt: sql`now() + make_interval(secs => ${holdSeconds})` })
    .where(inArray(sessionRevocations.sessionId, due))
    .returning({ id: sessionRevocations.sessionId });
  return row?.id;
}

/** Retries the logouts that are due, at most `limit`; returns how many sessions ended revoked. */
export async function retryDueRevocations(db: Db, manager: ConnectionManager, limit = 10): Promise<number> {
  let revoked = 0;
  for (let i = 0; i < limit; i++) {
    const sessionId = await claimDueRevocation(db, manager.config.leaseSeconds);
    if (!sessionId) break;
    const outcome = await logOutAtTelegram(db, manager, sessionId);
    if (!outcome.done) {
      await postponeRevocation(db, sessionId, outcome.code);
      continue;
    }
    await db.transaction(async (tx) => {
      const closed = await finishRevocation(tx, sessionId);
      if (!closed) return;
      revoked++;
      await writeAudit(tx, systemActor, {
        action: closed.reason === "rotated" ? "session.rotate" : "session.revoke",
        target: sessionId,
        outcome: "success",
        detail: {
          result: "revoked",
          reason: closed.reason,
          requestedBy: closed.actorLabel,
          attempts: closed.attempts + 1,
        },
      });
    });
  }
  return revoked;
}
