import type { Db } from "@/db";
import { claimDueRevocation, closeRevocation } from "@/db/queries/revocations";
import { systemActor, writeAudit } from "@/lib/audit";
import type { ConnectionManager } from "@/lib/telegram/connection/manager";
import { logOutAtTelegram, postponeRevocation } from "./revoke";

/**
 * Retries the logouts that are due, at most `limit`; returns how many sessions ended revoked. Each is
 * claimed for a lease's length, so any number of processes may run this side by side.
 */
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
      const closed = await closeRevocation(tx, sessionId);
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
