import { and, desc, eq, gt, lt } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { signInFailures } from "@/db/schema";

export type SignInAttempt = { email: string; ip: string };

/** Records a failed sign-in at `now` and forgets failures older than `forgetBefore`. */
export async function recordSignInFailure(
  db: DbOrTx,
  attempt: SignInAttempt,
  now: Date,
  forgetBefore: Date,
): Promise<void> {
  await db.insert(signInFailures).values({ email: attempt.email, ip: attempt.ip, at: now });
  await db.delete(signInFailures).where(lt(signInFailures.at, forgetBefore));
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
    byIp: await times(signInFailures.ip, attempt.ip),
  };
}
