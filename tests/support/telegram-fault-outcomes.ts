import { eq } from "drizzle-orm";
import { expect } from "vitest";
import type { Db } from "@/db";
import { telegramSessions } from "@/db/schema";
import { checkSession } from "@/lib/health/check";
import type { TestSandbox } from "@/sandbox/test/helpers";

const usable = new Set(["active", "degraded"]);

/** A transient fault never makes a session `invalid` (only a terminal answer does): no row of the database may be. */
export async function expectNoInvalidSession(db: Db): Promise<void> {
  const rows = await db.query.telegramSessions.findMany({ columns: { id: true, status: true, lastError: true } });
  expect(rows.filter((row) => row.status === "invalid")).toEqual([]);
}

/** No login flow is left claimed by a step that is over. */
export async function expectNoClaimedFlow(db: Db): Promise<void> {
  const rows = await db.query.loginFlows.findMany({ columns: { id: true, step: true, lockedUntil: true } });
  expect(rows.filter((row) => row.lockedUntil !== null)).toEqual([]);
}

/** No rotation is left open (recovery has finished or undone every one) and none is held. */
export async function expectNoOpenRotation(db: Db): Promise<void> {
  const rows = await db.query.sessionRotations.findMany({
    columns: { id: true, step: true, lockedUntil: true, lastError: true },
  });
  expect(rows.filter((row) => row.step !== "done" && row.step !== "rolled_back")).toEqual([]);
}

/**
 * The account of `sessionOfAccount` has exactly one usable session in the console, Telegram (the sandbox)
 * lists exactly one active authorization for it, and that session works: a health check answers ok.
 */
export async function expectOneWorkingSession(
  db: Db,
  sandbox: TestSandbox,
  phone: string,
  sessionOfAccount: string,
): Promise<void> {
  const known = await db.query.telegramSessions.findFirst({
    where: eq(telegramSessions.id, sessionOfAccount),
    columns: { accountId: true },
  });
  const rows = await db.query.telegramSessions.findMany({
    where: eq(telegramSessions.accountId, known?.accountId ?? ""),
    columns: { id: true, status: true },
  });
  const kept = rows.filter((row) => usable.has(row.status)).map((row) => row.id);
  expect(kept).toHaveLength(1);
  expect(sandbox.authorizations(phone).filter((a) => a.state === "active")).toHaveLength(1);
  expect(await checkSession(db, kept[0] ?? "")).toMatchObject({ result: "ok", status: "active" });
}
