import type { DbOrTx } from "@/db";
import { sessionEvents, type ConnectionEventDetail } from "@/db/schema";

export async function insertConnectionEvent(
  db: DbOrTx,
  sessionId: string,
  detail: ConnectionEventDetail,
  latencyMs?: number,
): Promise<void> {
  await db.insert(sessionEvents).values({ sessionId, kind: "connection", detail, latencyMs: latencyMs ?? null });
}
