import { and, eq, gt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { env } from "@/lib/env";
import { insertAlertEvents } from "./alert-events";
import { sessionEvents, sessionFloodWaits, telegramSessions } from "@/db/schema";

/** The session's flood waits that have not ended yet, per method. */
export async function activeFloodWaits(db: DbOrTx, sessionId: string): Promise<Map<string, Date>> {
  const rows = await db.query.sessionFloodWaits.findMany({
    where: and(eq(sessionFloodWaits.sessionId, sessionId), gt(sessionFloodWaits.until, new Date())),
    columns: { method: true, until: true },
  });
  return new Map(rows.map((row) => [row.method, row.until]));
}

/**
 * Records a FLOOD_WAIT answer: the ledger row, a rate-limit hit and wait-until on the session, an event, and
 * a session.flood_wait alert for a wait of at least ALERT_FLOOD_WAIT_SECONDS.
 */
export async function recordFloodWait(
  db: DbOrTx,
  sessionId: string,
  method: string,
  seconds: number,
  until: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(sessionFloodWaits)
      .values({ sessionId, method, until, seconds })
      .onConflictDoUpdate({
        target: [sessionFloodWaits.sessionId, sessionFloodWaits.method],
        set: { until, seconds, hits: sql`${sessionFloodWaits.hits} + 1`, lastHitAt: sql`now()` },
      });
    await tx
      .update(telegramSessions)
      .set({
        rateLimitHits: sql`${telegramSessions.rateLimitHits} + 1`,
        floodWaitUntil: sql`greatest(${telegramSessions.floodWaitUntil}, ${until.toISOString()}::timestamptz)`,
      })
      .where(eq(telegramSessions.id, sessionId));
    await tx
      .insert(sessionEvents)
      .values({ sessionId, kind: "flood_wait", detail: { method, seconds, until: until.toISOString() } });
    if (seconds >= env().ALERT_FLOOD_WAIT_SECONDS)
      await insertAlertEvents(tx, sessionId, [
        { kind: "session.flood_wait", details: { method, seconds, until: until.toISOString() } },
      ]);
  });
}
