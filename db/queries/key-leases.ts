import { and, asc, desc, eq, inArray, isNotNull, lt, lte, ne, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { keyLeases, telegramSessions, type KeyLease, type LeaseEndReason, type LeaseFormat } from "@/db/schema";
import { claimNext, secondsFromNow } from "./claim";

export type NewLease = {
  sessionId: string;
  accountId: string;
  dcId: number;
  format: LeaseFormat;
  tokenId: string | null;
  tokenName: string | null;
  actorId: string | null;
  actorLabel: string;
  ttlSeconds: number;
};

/** A lease being minted, held by its minter for `holdSeconds` (after that the maintenance pass logs its key out). */
export async function insertLease(db: DbOrTx, lease: NewLease, holdSeconds: number): Promise<KeyLease> {
  const { ttlSeconds, ...values } = lease;
  const [row] = await db
    .insert(keyLeases)
    .values({ ...values, expiresAt: secondsFromNow(ttlSeconds), lockedUntil: secondsFromNow(holdSeconds) })
    .returning();
  return row!;
}

/** Keeps the key being minted (vault envelope) before Telegram authorizes it, so a crash can still log it out. */
export async function saveLeaseKey(db: DbOrTx, id: string, keyCiphertext: string): Promise<void> {
  await db.update(keyLeases).set({ keyCiphertext }).where(eq(keyLeases.id, id));
}

/** The minted lease is handed out: active until `ttlSeconds` from now. Undefined when it was taken over meanwhile. */
export async function activateLease(
  db: DbOrTx,
  id: string,
  facts: { hash: bigint | null; keyCiphertext: string; ttlSeconds: number },
): Promise<KeyLease | undefined> {
  const [row] = await db
    .update(keyLeases)
    .set({
      status: "active",
      hash: facts.hash,
      keyCiphertext: facts.keyCiphertext,
      expiresAt: secondsFromNow(facts.ttlSeconds),
      lockedUntil: null,
    })
    .where(and(eq(keyLeases.id, id), eq(keyLeases.status, "minting")))
    .returning();
  return row;
}

export function findLease(db: DbOrTx, id: string): Promise<KeyLease | undefined> {
  return db.query.keyLeases.findFirst({ where: eq(keyLeases.id, id) });
}

/** Pushes an active, unexpired lease's end to `ttlSeconds` from now; undefined when it is no longer active. */
export async function renewLease(db: DbOrTx, id: string, ttlSeconds: number): Promise<KeyLease | undefined> {
  const [row] = await db
    .update(keyLeases)
    .set({ expiresAt: secondsFromNow(ttlSeconds) })
    .where(and(eq(keyLeases.id, id), eq(keyLeases.status, "active"), sql`${keyLeases.expiresAt} > now()`))
    .returning();
  return row;
}

/**
 * Ends an active (or still minting) lease: its logout is owed from now, held `holdSeconds` for the caller's own
 * attempt. Undefined when it had already ended.
 */
export async function endLease(
  db: DbOrTx,
  id: string,
  end: { reason: LeaseEndReason; endedBy: string; holdSeconds: number },
): Promise<KeyLease | undefined> {
  const [row] = await db
    .update(keyLeases)
    .set({
      status: "logout_pending",
      endReason: end.reason,
      endedBy: end.endedBy,
      endedAt: sql`now()`,
      nextAttemptAt: secondsFromNow(end.holdSeconds),
      lockedUntil: null,
    })
    .where(and(eq(keyLeases.id, id), inArray(keyLeases.status, ["active", "minting"])))
    .returning();
  return row;
}

/**
 * Claims the next lease whose authorization must be logged out now: one past its expiry, one whose logout is
 * due again, or one whose minter stopped holding it (a crash while minting). It becomes logout_pending and is
 * held `holdSeconds`; any number of processes may run this side by side.
 */
export async function claimDueLeaseLogout(db: DbOrTx, holdSeconds: number): Promise<KeyLease | undefined> {
  const t = keyLeases;
  const [row] = await claimNext(db, t, {
    key: t.id,
    where: or(
      and(eq(t.status, "active"), lte(t.expiresAt, sql`now()`)),
      and(eq(t.status, "logout_pending"), lte(t.nextAttemptAt, sql`now()`)),
      and(eq(t.status, "minting"), lt(t.lockedUntil, sql`now()`)),
    ),
    orderBy: [asc(t.expiresAt)],
    set: {
      status: "logout_pending",
      endReason: sql`coalesce(${t.endReason}, case when ${t.status} = 'minting' then 'aborted' else 'expired' end)`,
      endedAt: sql`coalesce(${t.endedAt}, now())`,
      endedBy: sql`coalesce(${t.endedBy}, 'system')`,
      nextAttemptAt: secondsFromNow(holdSeconds),
      lockedUntil: null,
    },
  }).returning();
  return row;
}

/** The authorization is logged out at Telegram: the key is destroyed. Undefined when it was closed already. */
export async function closeLeaseLogout(db: DbOrTx, id: string): Promise<KeyLease | undefined> {
  const [row] = await db
    .update(keyLeases)
    .set({ status: "logged_out", loggedOutAt: sql`now()`, keyCiphertext: null, nextAttemptAt: null, lockedUntil: null })
    .where(and(eq(keyLeases.id, id), eq(keyLeases.status, "logout_pending")))
    .returning();
  return row;
}

/** The logout failed for now (`code`): counted, and tried again at `next`. */
export async function postponeLeaseLogout(db: DbOrTx, id: string, code: string, next: Date): Promise<number> {
  const [row] = await db
    .update(keyLeases)
    .set({ attempts: sql`${keyLeases.attempts} + 1`, lastError: code, nextAttemptAt: next })
    .where(and(eq(keyLeases.id, id), eq(keyLeases.status, "logout_pending")))
    .returning({ attempts: keyLeases.attempts });
  return row?.attempts ?? 0;
}

export type LeaseFilter = { sessionId?: string; tokenId?: string; open?: boolean; limit: number };

/** Leases, newest first. */
export function listLeases(db: DbOrTx, filter: LeaseFilter): Promise<KeyLease[]> {
  const t = keyLeases;
  return db.query.keyLeases.findMany({
    where: and(
      filter.sessionId ? eq(t.sessionId, filter.sessionId) : undefined,
      filter.tokenId ? eq(t.tokenId, filter.tokenId) : undefined,
      filter.open ? ne(t.status, "logged_out") : undefined,
    ),
    orderBy: [desc(t.createdAt), desc(t.id)],
    limit: filter.limit,
  });
}

/** The hashes of the account's leased authorizations that may still be logged in (a console authorization each). */
export async function liveLeaseHashesOf(db: DbOrTx, accountId: string): Promise<{ id: string; hash: bigint }[]> {
  const rows = await db
    .select({ id: keyLeases.id, hash: keyLeases.hash })
    .from(keyLeases)
    .where(and(eq(keyLeases.accountId, accountId), ne(keyLeases.status, "logged_out"), isNotNull(keyLeases.hash)));
  return rows.map((row) => ({ id: row.id, hash: row.hash! }));
}

/** Leases past their expiry whose authorization is not logged out yet (the overview wants 0). */
export async function countOverdueLeases(db: DbOrTx): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)`.mapWith(Number) })
    .from(keyLeases)
    .where(and(ne(keyLeases.status, "logged_out"), lt(keyLeases.expiresAt, sql`now()`)));
  return row?.count ?? 0;
}

/** What minting a lease needs to know of its session; undefined when there is none. */
export async function findLeaseTarget(db: DbOrTx, sessionId: string) {
  const row = await db.query.telegramSessions.findFirst({
    where: eq(telegramSessions.id, sessionId),
    columns: { id: true, accountId: true, dcId: true, status: true },
    with: { account: { columns: { telegramUserId: true } } },
  });
  return (
    row && {
      id: row.id,
      accountId: row.accountId,
      dcId: row.dcId,
      status: row.status,
      telegramUserId: row.account.telegramUserId,
    }
  );
}
