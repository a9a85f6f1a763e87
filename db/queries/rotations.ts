import { and, asc, count, eq, gt, isNull, lt, ne, notExists, notInArray, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { sessionRotations, telegramSessions, type RotationStep, type SessionRotation } from "@/db/schema";
import { insertAlertEvents } from "./alert-events";
import { claimNext, secondsFromNow } from "./claim";
import type { Requester } from "./revocations";

/** Steps after which a rotation holds nothing any more. */
export const closedRotationSteps: RotationStep[] = ["done", "rolled_back"];

const isOpen = notInArray(sessionRotations.step, closedRotationSteps);

export type RotationPatch = Partial<
  Pick<SessionRotation, "step" | "freshCiphertext" | "passwordHint" | "lastError" | "lockedUntil" | "newSessionId">
>;

/** Opens a rotation of `sessionId`, held by its caller for `lockSeconds`. */
export async function insertRotation(
  tx: DbOrTx,
  sessionId: string,
  opened: Requester & { trigger: "manual" | "policy"; lockSeconds: number },
): Promise<SessionRotation> {
  const { lockSeconds, ...values } = opened;
  const [created] = await tx
    .insert(sessionRotations)
    .values({ sessionId, ...values, lockedUntil: secondsFromNow(lockSeconds) })
    .returning();
  if (!created) throw new Error("inserting a rotation returned no row");
  return created;
}

/** Holds an open rotation again for `lockSeconds` (one that waited for the 2FA password). */
export async function holdRotation(tx: DbOrTx, id: string, lockSeconds: number): Promise<SessionRotation | undefined> {
  const [taken] = await tx
    .update(sessionRotations)
    .set({ lockedUntil: secondsFromNow(lockSeconds), updatedAt: sql`now()` })
    .where(eq(sessionRotations.id, id))
    .returning();
  return taken;
}

export async function updateRotation(db: DbOrTx, id: string, patch: RotationPatch): Promise<void> {
  await db
    .update(sessionRotations)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(sessionRotations.id, id));
}

export function findRotation(db: DbOrTx, id: string): Promise<SessionRotation | undefined> {
  return db.query.sessionRotations.findFirst({ where: eq(sessionRotations.id, id) });
}

/** Why a rotation is rolled back when its session is being revoked: not a failure anyone needs telling of. */
export const revokedReason = "REVOKED";

/**
 * Closes a rotation that did not authorize its fresh key: the key is dropped, the old session stays; and
 * raises rotation.failed (unless the session is being revoked) in the same transaction.
 */
export function rollBackRotation(db: DbOrTx, id: string, reason: string): Promise<void> {
  return db.transaction(async (tx) => {
    const [closed] = await tx
      .update(sessionRotations)
      .set({
        step: "rolled_back",
        freshCiphertext: null,
        passwordHint: null,
        lastError: reason,
        lockedUntil: null,
        updatedAt: sql`now()`,
      })
      .where(eq(sessionRotations.id, id))
      .returning({ sessionId: sessionRotations.sessionId, trigger: sessionRotations.trigger });
    if (closed && reason !== revokedReason)
      await insertAlertEvents(tx, closed.sessionId, [
        { kind: "rotation.failed", details: { rotationId: id, reason, trigger: closed.trigger } },
      ]);
  });
}

/** The session's rotation waiting for the 2FA password, if any. */
export function findPasswordWait(db: DbOrTx, sessionId: string) {
  return db.query.sessionRotations.findFirst({
    where: and(eq(sessionRotations.sessionId, sessionId), eq(sessionRotations.step, "password_needed")),
    columns: { id: true },
  });
}

/**
 * Takes one open rotation nobody works on (its holder crashed), or a password wait older than
 * `passwordWaitMinutes`, for `holdSeconds`.
 */
export async function claimStaleRotation(
  db: DbOrTx,
  holdSeconds: number,
  passwordWaitMinutes: number,
): Promise<SessionRotation | undefined> {
  const [row] = await claimNext(db, sessionRotations, {
    key: sessionRotations.id,
    where: and(
      isOpen,
      or(isNull(sessionRotations.lockedUntil), lt(sessionRotations.lockedUntil, sql`now()`)),
      or(
        ne(sessionRotations.step, "password_needed"),
        lt(sessionRotations.updatedAt, sql`now() - make_interval(mins => ${passwordWaitMinutes})`),
      ),
    ),
    set: { lockedUntil: secondsFromNow(holdSeconds) },
  }).returning();
  return row;
}

export async function countOpenPolicyRotations(db: DbOrTx): Promise<number> {
  const [open] = await db
    .select({ n: count() })
    .from(sessionRotations)
    .where(and(eq(sessionRotations.trigger, "policy"), isOpen));
  return open?.n ?? 0;
}

/**
 * Active sessions older than `maxAgeDays`, the oldest first: never one in a flood wait, held by a process, or
 * tried within `retryAfterHours` (an automatic rotation that failed waits that long).
 */
export async function listSessionsDueForRotation(
  db: DbOrTx,
  due: { maxAgeDays: number; retryAfterHours: number; limit: number },
): Promise<string[]> {
  const recentlyTried = db
    .select({ id: sessionRotations.id })
    .from(sessionRotations)
    .where(
      and(
        eq(sessionRotations.sessionId, telegramSessions.id),
        gt(sessionRotations.createdAt, sql`now() - make_interval(hours => ${due.retryAfterHours})`),
      ),
    );
  const rows = await db
    .select({ id: telegramSessions.id })
    .from(telegramSessions)
    .where(
      and(
        eq(telegramSessions.status, "active"),
        lt(telegramSessions.createdAt, sql`now() - make_interval(days => ${due.maxAgeDays})`),
        or(isNull(telegramSessions.floodWaitUntil), lt(telegramSessions.floodWaitUntil, sql`now()`)),
        or(isNull(telegramSessions.leaseUntil), lt(telegramSessions.leaseUntil, sql`now()`)),
        notExists(recentlyTried),
      ),
    )
    .orderBy(asc(telegramSessions.createdAt))
    .limit(due.limit);
  return rows.map((row) => row.id);
}
