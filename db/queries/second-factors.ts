import { and, asc, count, eq, gt, isNotNull, isNull, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { memberFactors, recoveryCodes, signInTickets, type MemberFactor } from "@/db/schema";

/** A factor as its member sees it: never the secret or the public key. */
export type FactorSummary = Pick<MemberFactor, "id" | "kind" | "name" | "createdAt" | "lastUsedAt">;

const summaryColumns = { id: true, kind: true, name: true, createdAt: true, lastUsedAt: true } as const;

/** The member's confirmed factors, oldest first. */
export function listFactors(db: DbOrTx, userId: string): Promise<FactorSummary[]> {
  return db.query.memberFactors.findMany({
    where: and(eq(memberFactors.userId, userId), isNotNull(memberFactors.confirmedAt)),
    columns: summaryColumns,
    orderBy: [asc(memberFactors.createdAt), asc(memberFactors.id)],
  });
}

/** The member's confirmed factors of one kind, secrets included: for checking a proof. */
export function confirmedFactorsOfKind(
  db: DbOrTx,
  userId: string,
  kind: MemberFactor["kind"],
): Promise<MemberFactor[]> {
  return db.query.memberFactors.findMany({
    where: and(eq(memberFactors.userId, userId), eq(memberFactors.kind, kind), isNotNull(memberFactors.confirmedAt)),
  });
}

/** Whether the member has any confirmed factor. */
export async function hasConfirmedFactor(db: DbOrTx, userId: string): Promise<boolean> {
  const found = await db.query.memberFactors.findFirst({
    where: and(eq(memberFactors.userId, userId), isNotNull(memberFactors.confirmedAt)),
    columns: { id: true },
  });
  return found !== undefined;
}

/** A TOTP enrolment waiting for its first code; `secret` seals the secret for the row's id. */
export async function insertPendingTotp(
  db: DbOrTx,
  values: { id: string; userId: string; name: string; secretCiphertext: string },
): Promise<void> {
  await db.insert(memberFactors).values({ ...values, kind: "totp" });
}

/** The member's unconfirmed TOTP enrolment with this id. */
export function findPendingTotp(db: DbOrTx, userId: string, id: string): Promise<MemberFactor | undefined> {
  return db.query.memberFactors.findFirst({
    where: and(
      eq(memberFactors.id, id),
      eq(memberFactors.userId, userId),
      eq(memberFactors.kind, "totp"),
      isNull(memberFactors.confirmedAt),
    ),
  });
}

/** Confirms a pending TOTP enrolment at the step of the code that proved it; false when it is gone or confirmed. */
export async function confirmTotp(db: DbOrTx, id: string, timeStep: number, now: Date): Promise<boolean> {
  const rows = await db
    .update(memberFactors)
    .set({ confirmedAt: now, lastTimeStep: timeStep })
    .where(and(eq(memberFactors.id, id), isNull(memberFactors.confirmedAt)))
    .returning({ id: memberFactors.id });
  return rows.length === 1;
}

/**
 * Records a TOTP code of `timeStep` as used, only if no code of that step or later was: false when another request
 * used it first (a replayed code).
 */
export async function spendTotpStep(db: DbOrTx, id: string, timeStep: number, now: Date): Promise<boolean> {
  const rows = await db
    .update(memberFactors)
    .set({ lastTimeStep: timeStep, lastUsedAt: now })
    .where(and(eq(memberFactors.id, id), sql`coalesce(${memberFactors.lastTimeStep}, -1) < ${timeStep}`))
    .returning({ id: memberFactors.id });
  return rows.length === 1;
}

/** Drops the member's TOTP enrolments that were never confirmed. */
export async function deletePendingTotps(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(memberFactors).where(and(eq(memberFactors.userId, userId), isNull(memberFactors.confirmedAt)));
}

/** Removes one of the member's factors; false when they have none with this id. */
export async function deleteFactor(db: DbOrTx, userId: string, id: string): Promise<FactorSummary | undefined> {
  const [removed] = await db
    .delete(memberFactors)
    .where(and(eq(memberFactors.id, id), eq(memberFactors.userId, userId)))
    .returning({
      id: memberFactors.id,
      kind: memberFactors.kind,
      name: memberFactors.name,
      createdAt: memberFactors.createdAt,
      lastUsedAt: memberFactors.lastUsedAt,
    });
  return removed;
}

/** Removes every factor and recovery code of the member; the number of factors removed. */
export async function deleteAllFactors(db: DbOrTx, userId: string): Promise<number> {
  const removed = await db
    .delete(memberFactors)
    .where(eq(memberFactors.userId, userId))
    .returning({ id: memberFactors.id });
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  return removed.length;
}

/** Replaces the member's recovery codes with these hashes. */
export async function replaceRecoveryCodes(db: DbOrTx, userId: string, codeHashes: string[]): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
}

/** Marks an unused recovery code of the member used; false when there is none with this hash (or it was used). */
export async function spendRecoveryCode(db: DbOrTx, userId: string, codeHash: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return rows.length > 0;
}

export async function unusedRecoveryCodeCount(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row?.n ?? 0;
}

export type SignInTicket = typeof signInTickets.$inferSelect;

export async function insertSignInTicket(db: DbOrTx, ticket: SignInTicket, now: Date): Promise<void> {
  await db.delete(signInTickets).where(lte(signInTickets.expiresAt, now));
  await db.insert(signInTickets).values(ticket);
}

/** The unexpired ticket with this hash. */
export function findSignInTicket(db: DbOrTx, ticketHash: string, now: Date): Promise<SignInTicket | undefined> {
  return db.query.signInTickets.findFirst({
    where: and(eq(signInTickets.ticketHash, ticketHash), gt(signInTickets.expiresAt, now)),
  });
}

/** Takes the unexpired ticket: after this it is gone, so a second exchange of the same ticket finds nothing. */
export async function takeSignInTicket(db: DbOrTx, ticketHash: string, now: Date): Promise<SignInTicket | undefined> {
  const [taken] = await db
    .delete(signInTickets)
    .where(and(eq(signInTickets.ticketHash, ticketHash), gt(signInTickets.expiresAt, now)))
    .returning();
  return taken;
}
