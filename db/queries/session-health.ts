import { and, count, eq, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { alertEventsFromCte, insertAlertEvents, rowsOf } from "./alert-events";
import {
  sessionEvents,
  sessionFloodWaits,
  telegramAccounts,
  telegramSessions,
  type AlertDraft,
  type CheckEventDetail,
  type SessionStatus,
  type TelegramSession,
} from "@/db/schema";
import { claimNext, secondsFromNow } from "./claim";

/** Sessions the monitor checks; the others (dead, revoke_pending, revoked) are never checked. */
export const checkedStatuses: SessionStatus[] = ["active", "degraded", "frozen"];

export async function countSessionsByStatus(db: DbOrTx): Promise<Map<SessionStatus, number>> {
  const rows = await db
    .select({ status: telegramSessions.status, n: count() })
    .from(telegramSessions)
    .groupBy(telegramSessions.status);
  return new Map(rows.map((row) => [row.status, row.n]));
}

export type CheckTarget = Pick<
  TelegramSession,
  | "id"
  | "accountId"
  | "status"
  | "authFailures"
  | "authorizationTtlDays"
  | "ttlCheckedAt"
  | "decryptFailed"
  | "expiresAt"
> & { devicesReconciledAt: Date | null };

export async function findCheckTarget(db: DbOrTx, sessionId: string): Promise<CheckTarget | undefined> {
  const row = await db.query.telegramSessions.findFirst({
    where: eq(telegramSessions.id, sessionId),
    columns: {
      id: true,
      accountId: true,
      status: true,
      authFailures: true,
      authorizationTtlDays: true,
      ttlCheckedAt: true,
      decryptFailed: true,
      expiresAt: true,
    },
    with: { account: { columns: { devicesReconciledAt: true } } },
  });
  if (!row) return undefined;
  const { account, ...session } = row;
  return { ...session, devicesReconciledAt: account.devicesReconciledAt };
}

/**
 * Takes the account's device reconcile when it is due (none within `minutes`), moving its time forward so that the
 * account's other sessions, checked meanwhile by this or another process, leave it to this one. True when taken.
 */
export async function claimDeviceReconcile(db: DbOrTx, accountId: string, minutes: number): Promise<boolean> {
  const taken = await db
    .update(telegramAccounts)
    .set({ devicesReconciledAt: sql`now()` })
    .where(
      and(
        eq(telegramAccounts.id, accountId),
        or(
          isNull(telegramAccounts.devicesReconciledAt),
          lt(telegramAccounts.devicesReconciledAt, sql`now() - make_interval(secs => ${minutes * 60})`),
        ),
      ),
    )
    .returning({ id: telegramAccounts.id });
  return taken.length > 0;
}

/** A check's event row: what was decided, and the probe request's time; and the alerts the change raises. */
export type CheckEvent = { detail: CheckEventDetail; latencyMs: number | null; alerts?: AlertDraft[] };

export type CheckPatch = Partial<
  Pick<
    TelegramSession,
    | "status"
    | "authFailures"
    | "lastCheckAt"
    | "nextCheckAt"
    | "lastLatencyMs"
    | "lastError"
    | "lastUsedAt"
    | "expiresAt"
    | "authorizationTtlDays"
    | "ttlCheckedAt"
    | "decryptFailed"
    | "frozenSince"
    | "frozenUntil"
    | "freezeAppealUrl"
    | "restrictions"
  >
>;

/**
 * Writes a check's outcome, its event and its alerts, at once. Only a session still checkable is changed: one
 * revoked while it was being checked keeps its new state. Returns false when nothing was changed.
 */
export function recordCheckOutcome(
  db: DbOrTx,
  sessionId: string,
  patch: CheckPatch,
  event: CheckEvent,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const changed = await tx
      .update(telegramSessions)
      .set(patch)
      .where(and(eq(telegramSessions.id, sessionId), inArray(telegramSessions.status, checkedStatuses)))
      .returning({ id: telegramSessions.id });
    if (changed.length === 0) return false;
    await tx
      .insert(sessionEvents)
      .values({ sessionId, kind: "check", detail: event.detail, latencyMs: event.latencyMs });
    await insertAlertEvents(tx, sessionId, event.alerts ?? []);
    return true;
  });
}

/** A due session the sweep claimed: its lease is ours, and the row holds all a check reads before connecting. */
export type ClaimedCheck = CheckTarget & {
  sessionCiphertext: string | null;
  serverSaltCiphertext: string | null;
  floodWaits: Map<string, Date>;
};

// Built once per database handle: building this query costs more CPU than Postgres spends running it.
const claimStatements = new WeakMap<DbOrTx, ReturnType<typeof prepareClaim>>();

function prepareClaim(db: DbOrTx) {
  const leaseEnd = secondsFromNow(sql.placeholder("leaseSeconds"));
  const waits = db
    .select({
      waits: sql`coalesce(json_agg(json_build_array(${sessionFloodWaits.method}, ${sessionFloodWaits.until})), '[]'::json)`,
    })
    .from(sessionFloodWaits)
    .where(and(eq(sessionFloodWaits.sessionId, telegramSessions.id), sql`${sessionFloodWaits.until} > now()`));
  const reconciledAt = db
    .select({ at: telegramAccounts.devicesReconciledAt })
    .from(telegramAccounts)
    .where(eq(telegramAccounts.id, telegramSessions.accountId));
  return claimNext(db, telegramSessions, {
    key: telegramSessions.id,
    where: and(
      inArray(telegramSessions.status, checkedStatuses),
      lte(telegramSessions.nextCheckAt, sql`now()`),
      or(isNull(telegramSessions.leaseUntil), lt(telegramSessions.leaseUntil, sql`now()`)),
    ),
    orderBy: [telegramSessions.nextCheckAt],
    // Not due again until the check has written its outcome, even if the lease is given back before that.
    set: { leaseOwner: sql`${sql.placeholder("owner")}`, leaseUntil: leaseEnd, nextCheckAt: leaseEnd },
  })
    .returning({
      id: telegramSessions.id,
      accountId: telegramSessions.accountId,
      status: telegramSessions.status,
      authFailures: telegramSessions.authFailures,
      authorizationTtlDays: telegramSessions.authorizationTtlDays,
      ttlCheckedAt: telegramSessions.ttlCheckedAt,
      decryptFailed: telegramSessions.decryptFailed,
      expiresAt: telegramSessions.expiresAt,
      sessionCiphertext: telegramSessions.sessionCiphertext,
      serverSaltCiphertext: telegramSessions.serverSaltCiphertext,
      floodWaits: sql<[string, string][] | string>`(${waits})`,
      devicesReconciledAt: sql<Date | string | null>`(${reconciledAt})`,
    })
    .prepare("health_claim_due_check");
}

/**
 * The sweep's first statement per check: claims the most overdue session no process holds (by taking its
 * lease) and returns what the check needs — status, counters, the stored session and the flood ledger — so
 * the check reads nothing else before connecting.
 */
export async function claimDueCheck(
  db: DbOrTx,
  owner: string,
  leaseSeconds: number,
): Promise<ClaimedCheck | undefined> {
  let statement = claimStatements.get(db);
  if (!statement) claimStatements.set(db, (statement = prepareClaim(db)));
  const [row] = await statement.execute({ owner, leaseSeconds });
  if (!row) return undefined;
  // PGlite hands json back parsed, the WebSocket driver as text.
  const floodWaits =
    typeof row.floodWaits === "string" ? (JSON.parse(row.floodWaits) as [string, string][]) : row.floodWaits;
  return {
    ...row,
    devicesReconciledAt: row.devicesReconciledAt === null ? null : new Date(row.devicesReconciledAt),
    floodWaits: new Map(floodWaits.map(([method, until]) => [method, new Date(until)])),
  };
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
  patch: CheckPatch,
  event: CheckEvent,
): Promise<boolean> {
  const updated = db
    .update(telegramSessions)
    .set({ ...patch, leaseOwner: null, leaseUntil: null })
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
    with updated as ${updated}${alertEventsFromCte("updated", event.alerts ?? [])}
    insert into ${sessionEvents} (${sql.identifier(sessionEvents.sessionId.name)}, ${sql.identifier(sessionEvents.kind.name)}, ${sql.identifier(sessionEvents.detail.name)}, ${sql.identifier(sessionEvents.latencyMs.name)})
    select id, 'check', ${JSON.stringify(event.detail)}::jsonb, ${event.latencyMs} from updated
    returning 1`);
  return rowsOf(result).length > 0;
}
