import { and, eq, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { checkedStatuses, type CheckTarget } from "@/db/queries/session-health";
import { sessionEvents, sessionFloodWaits, telegramSessions } from "@/db/schema";
import type { ClaimedLease } from "@/lib/telegram/connection/live-session";
import type { Decision } from "./outcome";

/** A due session the sweep claimed: its lease is ours, and the row holds all a check reads before connecting. */
export type ClaimedCheck = CheckTarget & ClaimedLease;

// Built once per database handle: building this query costs more CPU than Postgres spends running it.
const claimStatements = new WeakMap<DbOrTx, ReturnType<typeof prepareClaim>>();

function claimStatement(db: DbOrTx): ReturnType<typeof prepareClaim> {
  let statement = claimStatements.get(db);
  if (!statement) claimStatements.set(db, (statement = prepareClaim(db)));
  return statement;
}

function prepareClaim(db: DbOrTx) {
  const leaseEnd = sql`now() + make_interval(secs => ${sql.placeholder("leaseSeconds")})`;
  const due = db
    .select({ id: telegramSessions.id })
    .from(telegramSessions)
    .where(
      and(
        inArray(telegramSessions.status, checkedStatuses),
        lte(telegramSessions.nextCheckAt, sql`now()`),
        or(isNull(telegramSessions.leaseUntil), lt(telegramSessions.leaseUntil, sql`now()`)),
      ),
    )
    .orderBy(telegramSessions.nextCheckAt)
    .limit(1)
    .for("update", { skipLocked: true });
  const waits = db
    .select({
      waits: sql`coalesce(json_agg(json_build_array(${sessionFloodWaits.method}, ${sessionFloodWaits.until})), '[]'::json)`,
    })
    .from(sessionFloodWaits)
    .where(and(eq(sessionFloodWaits.sessionId, telegramSessions.id), sql`${sessionFloodWaits.until} > now()`));
  return (
    db
      .update(telegramSessions)
      // Not due again until the check has written its outcome, even if the lease is given back before that.
      .set({ leaseOwner: sql`${sql.placeholder("owner")}`, leaseUntil: leaseEnd, nextCheckAt: leaseEnd })
      .where(inArray(telegramSessions.id, due))
      .returning({
        id: telegramSessions.id,
        status: telegramSessions.status,
        authFailures: telegramSessions.authFailures,
        authorizationTtlDays: telegramSessions.authorizationTtlDays,
        ttlCheckedAt: telegramSessions.ttlCheckedAt,
        sessionCiphertext: telegramSessions.sessionCiphertext,
        floodWaits: sql<[string, string][] | string>`(${waits})`,
      })
      .prepare("health_claim_due_check")
  );
}

/**
 * The sweep's first statement per check: claims the most overdue session no process holds (SKIP LOCKED, by
 * taking its lease) and returns what the check needs — status, counters, the stored session and the flood
 * ledger — so the check reads nothing else before connecting.
 */
export async function claimDueCheck(
  db: DbOrTx,
  owner: string,
  leaseSeconds: number,
): Promise<ClaimedCheck | undefined> {
  const [row] = await claimStatement(db).execute({ owner, leaseSeconds });
  if (!row) return undefined;
  // PGlite hands json back parsed, the WebSocket driver as text.
  const floodWaits =
    typeof row.floodWaits === "string" ? (JSON.parse(row.floodWaits) as [string, string][]) : row.floodWaits;
  return { ...row, floodWaits: new Map(floodWaits.map(([method, until]) => [method, new Date(until)])) };
}

/**
 * The sweep's second statement per check: the outcome, its event and the lease given back, at once. Only while
 * the session is still checkable and the lease still ours; false otherwise (the caller then writes the
 * outcome the ordinary way, which leaves a session revoked meanwhile as it is).
 */
export async function finishClaimedCheck(
  db: DbOrTx,
  sessionId: string,
  owner: string,
  decision: Decision,
): Promise<boolean> {
  const updated = db
    .update(telegramSessions)
    .set({ ...decision.patch, leaseOwner: null, leaseUntil: null })
    .where(
      and(
        eq(telegramSessions.id, sessionId),
        inArray(telegramSessions.status, checkedStatuses),
        eq(telegramSessions.leaseOwner, owner),
      ),
    )
    .returning({ id: telegramSessions.id });
  // drizzle wraps the embedded update in the parentheses a CTE needs.
  const result = await db.execute(sql`
    with updated as ${updated}
    insert into ${sessionEvents} (${sql.identifier(sessionEvents.sessionId.name)}, ${sql.identifier(sessionEvents.kind.name)}, ${sql.identifier(sessionEvents.detail.name)}, ${sql.identifier(sessionEvents.latencyMs.name)})
    select id, 'check', ${JSON.stringify(decision.detail)}::jsonb, ${decision.latencyMs} from updated
    returning 1`);
  // Both drivers (PGlite, the WebSocket Pool) answer execute() with { rows }.
  return (result as unknown as { rows: unknown[] }).rows.length > 0;
}
