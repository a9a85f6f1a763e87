import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { telegramSessions } from "@/db/schema";

/** Marks a session revoked and destroys its ciphertext, recording the reason, who asked and when. */
export async function markRevoked(tx: DbOrTx, sessionId: string, reason: string, by: string): Promise<void> {
  await tx
    .update(telegramSessions)
    .set({
      status: "revoked",
      sessionCiphertext: null,
      revokedAt: new Date(),
      revokedReason: reason,
      revokedBy: by,
      version: sql`${telegramSessions.version} + 1`,
    })
    .where(eq(telegramSessions.id, sessionId));
}
