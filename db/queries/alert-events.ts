import { and, asc, desc, eq, gt, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import {
  alertChannels,
  alertDeliveries,
  alertEvents,
  telegramSessions,
  type AlertDraft,
  type AlertEvent,
} from "@/db/schema";
import { secondsFromNow } from "./claim";

// Both drivers (PGlite, the WebSocket Pool) answer execute() with { rows }.
export const rowsOf = <T = unknown>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** Writes events for `sessionId` (null: about the console itself); call it in the transaction of the change. */
export async function insertAlertEvents(db: DbOrTx, sessionId: string | null, drafts: AlertDraft[]): Promise<void> {
  if (drafts.length === 0) return;
  await db.insert(alertEvents).values(drafts.map((d) => ({ sessionId, kind: d.kind, details: d.details })));
}

/**
 * The same insert as a statement that joins a data-modifying CTE: one event per draft for each id the
 * `source` CTE returns, so the events exist exactly when the change they describe was made.
 */
export function alertEventsFromCte(source: string, drafts: AlertDraft[]): SQL {
  if (drafts.length === 0) return sql``;
  return sql`, alerts as (
    insert into ${alertEvents} (${sql.identifier(alertEvents.sessionId.name)}, ${sql.identifier(alertEvents.kind.name)}, ${sql.identifier(alertEvents.details.name)})
    select s.id, d.kind, d.details from ${sql.identifier(source)} s,
      jsonb_to_recordset(${JSON.stringify(drafts)}::jsonb) as d(kind text, details jsonb)
    returning 1)`;
}

export type DispatchOutcome = { fannedOut: number; suppressed: number; deliveries: number };

/**
 * Takes up to `limit` undispatched events in order (skipping those another process holds) and, in one
 * transaction, fans each out to the channels subscribed to its kind (and, for a channel with labels, to a label of its
 * session) — or folds it into the event of its session
 * and kind sent less than `cooldownSeconds` ago, which the next event sent after the cooldown counts.
 */
export async function dispatchAlertEvents(
  db: DbOrTx,
  rules: { cooldownSeconds: number; giveUpSeconds: number; limit: number },
): Promise<DispatchOutcome> {
  const { cooldownSeconds, giveUpSeconds, limit } = rules;
  return db.transaction(async (tx) => {
    const batch = await tx
      .select()
      .from(alertEvents)
      .where(isNull(alertEvents.dispatchedAt))
      .orderBy(asc(alertEvents.id))
      .limit(limit)
      .for("update", { skipLocked: true });
    const outcome: DispatchOutcome = { fannedOut: 0, suppressed: 0, deliveries: 0 };
    for (const event of batch) {
      if (await sentWithinCooldown(tx, event, cooldownSeconds)) {
        await tx
          .update(alertEvents)
          .set({ dispatchedAt: sql`now()`, suppressed: true })
          .where(eq(alertEvents.id, event.id));
        outcome.suppressed += 1;
        continue;
      }
      const collapsed = await countSuppressedSinceLastSent(tx, event);
      await tx
        .update(alertEvents)
        .set({ dispatchedAt: sql`now()`, collapsedCount: collapsed })
        .where(eq(alertEvents.id, event.id));
      const inserted = await tx.execute(sql`
        insert into ${alertDeliveries} (event_id, channel_id, session_id, give_up_at)
        select ${event.id}, ${alertChannels.id}, ${event.sessionId}::uuid, ${secondsFromNow(giveUpSeconds)}
        from ${alertChannels}
        where not ${alertChannels.paused} and ${event.kind} = any(${alertChannels.events})
          and (cardinality(${alertChannels.labels}) = 0 or exists (
            select 1 from ${telegramSessions} s where s.id = ${event.sessionId}::uuid and s.labels && ${alertChannels.labels}))
        on conflict do nothing
        returning 1`);
      outcome.fannedOut += 1;
      outcome.deliveries += rowsOf(inserted).length;
    }
    return outcome;
  });
}

const sameStream = (event: AlertEvent) =>
  and(
    eq(alertEvents.kind, event.kind),
    event.sessionId ? eq(alertEvents.sessionId, event.sessionId) : isNull(alertEvents.sessionId),
  );

async function sentWithinCooldown(tx: DbOrTx, event: AlertEvent, cooldownSeconds: number): Promise<boolean> {
  if (cooldownSeconds <= 0) return false;
  const [recent] = await tx
    .select({ id: alertEvents.id })
    .from(alertEvents)
    .where(
      and(
        sameStream(event),
        isNotNull(alertEvents.dispatchedAt),
        eq(alertEvents.suppressed, false),
        gt(
          alertEvents.createdAt,
          sql`${event.createdAt.toISOString()}::timestamptz - make_interval(secs => ${cooldownSeconds})`,
        ),
      ),
    )
    .limit(1);
  return recent !== undefined;
}

async function countSuppressedSinceLastSent(tx: DbOrTx, event: AlertEvent): Promise<number> {
  const [lastSent] = await tx
    .select({ id: alertEvents.id })
    .from(alertEvents)
    .where(and(sameStream(event), eq(alertEvents.suppressed, false), isNotNull(alertEvents.dispatchedAt)))
    .orderBy(desc(alertEvents.id))
    .limit(1);
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(alertEvents)
    .where(
      and(sameStream(event), eq(alertEvents.suppressed, true), lastSent ? gt(alertEvents.id, lastSent.id) : undefined),
    );
  return row?.n ?? 0;
}

/** Seconds the oldest undispatched event has waited (0: none waits). */
export async function outboxAgeSeconds(db: DbOrTx): Promise<number> {
  const [row] = await db
    .select({ age: sql<number>`coalesce(extract(epoch from now() - min(${alertEvents.createdAt})), 0)::float8` })
    .from(alertEvents)
    .where(isNull(alertEvents.dispatchedAt));
  return Number(row?.age ?? 0);
}

/** The events a session caused, newest first (its timeline shows them). */
export function listSessionAlerts(db: DbOrTx, sessionId: string, limit: number) {
  return db
    .select({
      id: alertEvents.publicId,
      kind: alertEvents.kind,
      createdAt: alertEvents.createdAt,
      suppressed: alertEvents.suppressed,
      collapsedCount: alertEvents.collapsedCount,
      deliveries: sql<number>`(select count(*)::int from ${alertDeliveries} where ${alertDeliveries.eventId} = ${alertEvents.id})`,
    })
    .from(alertEvents)
    .where(eq(alertEvents.sessionId, sessionId))
    .orderBy(desc(alertEvents.id))
    .limit(limit);
}

/** A device of an account the console did not create, as an alert describes it. */
export type ForeignDevice = { hash: string } & Record<string, string | number | boolean | null>;

/**
 * Raises device.foreign for each device of the account not alerted on before (by its hash), seen through
 * `sessionId`; returns how many were new.
 */
export async function recordForeignDevices(
  db: DbOrTx,
  sessionId: string,
  accountId: string,
  devices: ForeignDevice[],
): Promise<number> {
  if (devices.length === 0) return 0;
  const result = await db.execute(sql`
    insert into ${alertEvents} (session_id, kind, details)
    select ${sessionId}::uuid, 'device.foreign', jsonb_build_object('accountId', ${accountId}::text) || d.device
    from jsonb_array_elements(${JSON.stringify(devices)}::jsonb) as d(device)
    where not exists (
      select 1 from ${alertEvents} e
      where e.kind = 'device.foreign' and e.details->>'accountId' = ${accountId}::text
        and e.details->>'hash' = d.device->>'hash')
    returning 1`);
  return rowsOf(result).length;
}
