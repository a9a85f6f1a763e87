import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { telegramSessions } from "@/db/schema";

/** A session being revoked: nobody may use it any more, though its key is kept until Telegram logs it out. */
export async function isRevokePending(db: DbOrTx, sessionId: string): Promise<boolean> {
  const row = await db.query.telegramSessions.findFirst({
    where: eq(telegramSessions.id, sessionId),
    columns: { status: true },
  });
  return row?.status === "revoke_pending";
}
