import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { sessionCalls, telegramSessions, type SessionCall } from "@/db/schema";

export type NewSessionCall = Omit<SessionCall, "id" | "at">;

export async function insertSessionCall(db: DbOrTx, call: NewSessionCall): Promise<void> {
  await db.insert(sessionCalls).values(call);
}

/** A session's latest calls, newest first; never their parameters. */
export function listSessionCalls(db: DbOrTx, sessionId: string, limit: number) {
  return db
    .select({
      id: sessionCalls.id,
      method: sessionCalls.method,
      outcome: sessionCalls.outcome,
      telegramError: sessionCalls.telegramError,
      latencyMs: sessionCalls.latencyMs,
      actorLabel: sessionCalls.actorLabel,
      at: sessionCalls.at,
    })
    .from(sessionCalls)
    .where(eq(sessionCalls.sessionId, sessionId))
    .orderBy(desc(sessionCalls.id))
    .limit(limit);
}

export type SessionCallRow = Awaited<ReturnType<typeof listSessionCalls>>[number];

/** The session's status now (undefined: no such session). */
export async function sessionStatus(db: DbOrTx, sessionId: string) {
  const [row] = await db
    .select({ status: telegramSessions.status })
    .from(telegramSessions)
    .where(eq(telegramSessions.id, sessionId));
  return row?.status;
}
