import type { DbOrTx } from "@/db";
import { recentSignInFailures, recordSignInFailure, type SignInAttempt } from "@/db/queries/sign-in";

/** After this many failures within the window, per account and per IP, sign-in answers 429. */
export const maxFailures = 5;
export const throttleWindowMs = 15 * 60_000;

/**
 * Seconds until the attempt may be made again, or null when it may be made now. The wait ends when
 * the oldest of the last `maxFailures` failures leaves the window.
 */
export async function signInRetryAfter(db: DbOrTx, attempt: SignInAttempt, now = new Date()): Promise<number | null> {
  const since = new Date(now.getTime() - throttleWindowMs);
  const { byEmail, byIp } = await recentSignInFailures(db, attempt, since, maxFailures);
  const waits = [byEmail, byIp].flatMap((times) => {
    const oldest = times[maxFailures - 1];
    return oldest ? [Math.ceil((oldest.getTime() + throttleWindowMs - now.getTime()) / 1000)] : [];
  });
  return waits.length ? Math.max(1, ...waits) : null;
}

export function countSignInFailure(db: DbOrTx, attempt: SignInAttempt, now = new Date()): Promise<void> {
  return recordSignInFailure(db, attempt, now, new Date(now.getTime() - throttleWindowMs));
}
