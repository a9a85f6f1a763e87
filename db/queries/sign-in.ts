import { and, desc, eq, gt, lt, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db";
import { signInFailures } from "@/db/schema";

/** `ip` null: the client address is unknown (plain `next start`), and the attempt counts for its account only. */
export type SignInAttempt = { email: string; ip: string | null };

/** Stored for an attempt from an unknown address; never counted, since real addresses are normalized IPs. */
const unknownIp = "unknown";

/**
 * Counts an attempt as a failure before its password is checked, unless the account or the address already has
 * `limit` failures after `since`: then nothing is written and the recent failures are returned. Concurrent
 * attempts for the same account or address queue on a transaction-scoped lock, so no more than `limit` pass.
 * Failures older than `since` are forgotten on the way.
 */
export async function reserveSignInAttempt(
  db: Db,
  attempt: SignInAttempt,
  now: Date,
  since: Date,
  limit: number,
): Promise<{ reservedId: number } | { recent: { byEmail: Date[]; byIp: Date[] } }> {
  return db.transaction(async (tx) => {
    // Sorted, so two attempts never take the two locks in opposite orders.
    const keys = [`sign-in email ${attempt.email}`, ...(attempt.ip === null ? [] : [`sign-in ip ${attempt.ip}`])];
    for (const key of keys.sort()) {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
    }
    const recent = await recentSignInFailures(tx, attempt, since, limit);
    if (recent.byEmail.length >= limit || recent.byIp.length >= limit) return { recent };
    const [reserved] = await tx
      .insert(signInFailures)
      .values({ email: attempt.email, ip: attempt.ip ?? unknownIp, at: now })
      .returning({ id: signInFailures.id });
    await tx.delete(signInFailures).where(lt(signInFailures.at, since));
    return { reservedId: reserved!.id };
  });
}

/** A reserved attempt that turned out right (or was never checked) stops counting as a failure. */
export async function releaseSignInAttempt(db: DbOrTx, reservedId: number): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.id, reservedId));
}

/** Times of the latest failures after `since`, newest first, per account and per IP (at most `limit` each). */
export async function recentSignInFailures(
  db: DbOrTx,
  attempt: SignInAttempt,
  since: Date,
  limit: number,
): Promise<{ byEmail: Date[]; byIp: Date[] }> {
  const times = async (column: typeof signInFailures.email | typeof signInFailures.ip, value: string) => {
    const rows = await db.query.signInFailures.findMany({
      where: and(eq(column, value), gt(signInFailures.at, since)),
      orderBy: desc(signInFailures.at),
      columns: { at: true },
      limit,
    });
    return rows.map((row) => row.at);
  };
  return {
    byEmail: await times(signInFailures.email, attempt.email),
    byIp: attempt.ip === null ? [] : await times(signInFailures.ip, attempt.ip),
  };
}
