import { eq, inArray, and } from "drizzle-orm";
import type { Db } from "@/db";
import { sessionRotations, telegramAccounts, telegramSessions } from "@/db/schema";
import type { SandboxLogEntry } from "./crash-sandbox";

export type Operation = "login" | "rotate" | "revoke";
export type KillPoint = "before" | "during" | "after";

/** The Telegram call that creates (login, rotate) or ends (revoke) the authorization the operation is about. */
export const decisiveCall: Record<Operation, string> = {
  login: "auth.CheckPassword",
  rotate: "auth.AcceptLoginToken",
  revoke: "auth.LogOut",
};

export type Target = { op: Operation; phone: string; userId: string; sessionId?: string };

/**
 * Where a kill landed: `before` Telegram answered the decisive call (the sandbox's request log has no
 * success of it since the operation began), `during` (Telegram answered, the console had not yet recorded
 * the outcome), `after` (recorded). Read before the restart, so recovery has not touched anything yet.
 */
export async function killPoint(db: Db, target: Target, log: SandboxLogEntry[], since: number): Promise<KillPoint> {
  if (await recorded(db, target)) return "after";
  return log.some((e) => e.method === decisiveCall[target.op] && e.result === "ok" && e.at >= since)
    ? "during"
    : "before";
}

async function recorded(db: Db, { op, userId, sessionId }: Target): Promise<boolean> {
  if (op === "login") {
    const account = await db.query.telegramAccounts.findFirst({
      where: eq(telegramAccounts.telegramUserId, BigInt(userId)),
      columns: { id: true },
    });
    return Boolean(
      account &&
      (await db.query.telegramSessions.findFirst({
        where: eq(telegramSessions.accountId, account.id),
        columns: { id: true },
      })),
    );
  }
  if (op === "rotate") {
    return Boolean(
      await db.query.sessionRotations.findFirst({
        where: and(eq(sessionRotations.sessionId, sessionId!), inArray(sessionRotations.step, ["swapped", "done"])),
      }),
    );
  }
  return (
    (
      await db.query.telegramSessions.findFirst({
        where: eq(telegramSessions.id, sessionId!),
        columns: { status: true },
      })
    )?.status === "revoked"
  );
}
