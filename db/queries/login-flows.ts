import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { loginFlows, type LoginFlow, type LoginStep } from "@/db/schema";
import { claimNext, secondsFromNow } from "./claim";

export type NewLoginFlow = typeof loginFlows.$inferInsert;
export type LoginFlowPatch = Partial<Omit<NewLoginFlow, "id" | "createdAt">>;

export const openSteps: LoginStep[] = ["code", "password", "qr"];

/** Secrets a flow no longer needs once it is finished, cancelled or expired. */
export const clearedSecrets = {
  sessionCiphertext: null,
  phoneCodeHashCiphertext: null,
  phoneCiphertext: null,
} as const;

export async function insertLoginFlow(db: DbOrTx, flow: NewLoginFlow): Promise<LoginFlow> {
  const [row] = await db.insert(loginFlows).values(flow).returning();
  if (!row) throw new Error("inserting a login flow returned no row");
  return row;
}

export function findLoginFlow(db: DbOrTx, id: string): Promise<LoginFlow | undefined> {
  return db.query.loginFlows.findFirst({ where: eq(loginFlows.id, id) });
}

/** A flow as the member who started it sees it; another member's flow (or one whose starter is gone) is not found. */
export function findOwnedLoginFlow(db: DbOrTx, id: string, ownerId: string | null): Promise<LoginFlow | undefined> {
  if (!ownerId) return Promise.resolve(undefined);
  return db.query.loginFlows.findFirst({ where: and(eq(loginFlows.id, id), eq(loginFlows.createdById, ownerId)) });
}

export type ClaimResult = { flow: LoginFlow } | { missing: true } | { busy: true };

/**
 * Takes the flow for one step of the member who started it: only one request at a time may hold it (until
 * `lockSeconds` pass, so a crashed request never blocks the flow for good). The claim is one statement; no
 * transaction stays open. Another member's flow is `missing`, as if it did not exist.
 */
export async function claimLoginFlow(
  db: DbOrTx,
  id: string,
  ownerId: string | null,
  lockSeconds: number,
): Promise<ClaimResult> {
  if (!ownerId) return { missing: true };
  const [flow] = await db
    .update(loginFlows)
    .set({ lockedUntil: secondsFromNow(lockSeconds) })
    .where(
      and(
        eq(loginFlows.id, id),
        eq(loginFlows.createdById, ownerId),
        or(isNull(loginFlows.lockedUntil), lt(loginFlows.lockedUntil, sql`now()`)),
      ),
    )
    .returning();
  if (flow) return { flow };
  return (await findOwnedLoginFlow(db, id, ownerId)) ? { busy: true } : { missing: true };
}

/** Writes a step's outcome and gives the flow back. */
export async function releaseLoginFlow(db: DbOrTx, id: string, patch: LoginFlowPatch): Promise<void> {
  await db
    .update(loginFlows)
    .set({ ...patch, lockedUntil: null, updatedAt: sql`now()` })
    .where(eq(loginFlows.id, id));
}

/**
 * Open flows past their expiry become `expired` and lose their secrets. Returns how many. Only phone flows
 * whose last step ended: their key was never logged in. A step that died half-way (still locked) may have
 * been answered by Telegram, and a QR flow's key is logged in as soon as the phone accepts its token, so
 * those are left to `claimAbandonedLoginFlow`'s recovery, which asks Telegram first.
 */
export async function expireLoginFlows(db: DbOrTx): Promise<number> {
  const expired = await db
    .update(loginFlows)
    .set({ step: "expired", ...clearedSecrets, lockedUntil: null, updatedAt: sql`now()` })
    .where(
      and(
        inArray(loginFlows.step, openSteps),
        lt(loginFlows.expiresAt, sql`now()`),
        eq(loginFlows.method, "phone"),
        isNull(loginFlows.lockedUntil),
      ),
    )
    .returning({ id: loginFlows.id });
  return expired.length;
}

/**
 * Takes one open flow whose key Telegram may have logged in without the console recording it: a step whose
 * lock ran out (its process died mid-step), or an expired QR flow. Held for `lockSeconds` (SKIP LOCKED).
 */
export async function claimAbandonedLoginFlow(db: DbOrTx, lockSeconds: number): Promise<LoginFlow | undefined> {
  const [flow] = await claimNext(db, loginFlows, {
    key: loginFlows.id,
    where: and(
      inArray(loginFlows.step, openSteps),
      or(
        lt(loginFlows.lockedUntil, sql`now()`),
        and(isNull(loginFlows.lockedUntil), eq(loginFlows.method, "qr"), lt(loginFlows.expiresAt, sql`now()`)),
      ),
    ),
    set: { lockedUntil: secondsFromNow(lockSeconds) },
  }).returning();
  return flow;
}
