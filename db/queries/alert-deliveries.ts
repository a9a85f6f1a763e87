import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import {
  alertChannels,
  alertDeliveries,
  alertEvents,
  telegramAccounts,
  telegramSessions,
  type AlertDeliveryStatus,
} from "@/db/schema";
import { rowsOf } from "./alert-events";
import { secondsFromNow } from "./claim";

/** A claimed delivery with all its sender needs: the event, the channel and what the event is about. */
export type DueDelivery = {
  id: string;
  attempts: number;
  giveUpAt: Date;
  channel: { id: string; name: string; kind: string; targetCiphertext: string; secretCiphertext: string | null };
  event: {
    id: string;
    kind: string;
    createdAt: Date;
    details: Record<string, unknown>;
    collapsedCount: number;
  };
  session: { id: string; status: string; dcId: number; createdAt: Date; expiresAt: Date | null } | null;
  account: {
    firstName: string;
    lastName: string | null;
    username: string | null;
    phoneMasked: string;
    telegramId: string;
  } | null;
};

/**
 * Claims the most overdue pending delivery for `leaseSeconds` (FOR UPDATE SKIP LOCKED): one whose channel is
 * not paused and has fewer than `perChannel` deliveries in flight, and that no earlier pending delivery of the
 * same session waits before on the same channel (events of a session arrive in order).
 */
export async function claimDueDelivery(
  db: DbOrTx,
  leaseSeconds: number,
  perChannel: number,
): Promise<DueDelivery | undefined> {
  const result = await db.execute(sql`
    with full_channels as (
      select channel_id from ${alertDeliveries}
      where status = 'pending' and lease_until > now()
      group by channel_id having count(*) >= ${perChannel}),
    picked as (
      select d.id from ${alertDeliveries} d
      join ${alertChannels} c on c.id = d.channel_id
      where d.status = 'pending' and d.next_attempt_at <= now()
        and (d.lease_until is null or d.lease_until < now())
        and not c.paused
        and d.channel_id not in (select channel_id from full_channels)
        and not exists (
          select 1 from ${alertDeliveries} e
          where e.channel_id = d.channel_id and e.session_id = d.session_id and e.event_id < d.event_id
            and e.status = 'pending')
      order by d.next_attempt_at, d.event_id
      limit 1
      for update of d skip locked),
    claimed as (
      update ${alertDeliveries} d set lease_until = ${secondsFromNow(leaseSeconds)},
        attempts = d.attempts + 1
      from picked where d.id = picked.id
      returning d.id, d.attempts, d.give_up_at, d.event_id, d.channel_id)
    select claimed.id, claimed.attempts, claimed.give_up_at,
      json_build_object('id', c.id, 'name', c.name, 'kind', c.kind, 'targetCiphertext', c.target_ciphertext,
        'secretCiphertext', c.secret_ciphertext) as channel,
      json_build_object('id', ev.public_id, 'kind', ev.kind, 'createdAt', ev.created_at, 'details', ev.details,
        'collapsedCount', ev.collapsed_count) as event,
      case when s.id is null then null else json_build_object('id', s.id, 'status', s.status, 'dcId', s.dc_id,
        'createdAt', s.created_at, 'expiresAt', s.expires_at) end as session,
      case when a.id is null then null else json_build_object('firstName', a.first_name, 'lastName', a.last_name,
        'username', a.username, 'phoneMasked', a.phone_masked, 'telegramId', a.telegram_user_id::text) end as account
    from claimed
    join ${alertChannels} c on c.id = claimed.channel_id
    join ${alertEvents} ev on ev.id = claimed.event_id
    left join ${telegramSessions} s on s.id = ev.session_id
    left join ${telegramAccounts} a on a.id = s.account_id`);
  const [row] = rowsOf<Record<string, unknown>>(result);
  if (!row) return undefined;
  // PGlite hands json back parsed, the WebSocket driver as text.
  const json = <T>(value: unknown): T => (typeof value === "string" ? JSON.parse(value) : value) as T;
  const event = json<DueDelivery["event"] & { createdAt: string }>(row.event);
  const session = json<
    | (Omit<NonNullable<DueDelivery["session"]>, "createdAt" | "expiresAt"> & {
        createdAt: string;
        expiresAt: string | null;
      })
    | null
  >(row.session);
  return {
    id: row.id as string,
    attempts: row.attempts as number,
    giveUpAt: new Date(row.give_up_at as string),
    channel: json(row.channel),
    event: { ...event, createdAt: new Date(event.createdAt) },
    session: session && {
      ...session,
      createdAt: new Date(session.createdAt),
      expiresAt: session.expiresAt ? new Date(session.expiresAt) : null,
    },
    account: json(row.account),
  };
}

export type AttemptOutcome = {
  status: AlertDeliveryStatus;
  statusCode: number | null;
  error: string | null;
  /** For a retry: when. */
  nextAttemptAt?: Date;
};

/** Records an attempt's outcome and gives the delivery's lease back. */
export async function recordDeliveryAttempt(db: DbOrTx, id: string, outcome: AttemptOutcome): Promise<void> {
  await db
    .update(alertDeliveries)
    .set({
      status: outcome.status,
      lastStatusCode: outcome.statusCode,
      lastError: outcome.error,
      lastAttemptAt: sql`now()`,
      leaseUntil: null,
      ...(outcome.nextAttemptAt ? { nextAttemptAt: outcome.nextAttemptAt } : {}),
    })
    .where(eq(alertDeliveries.id, id));
}

/** Sends a delivery again from now, with a fresh retry window; the same webhook-id. */
export async function redeliver(db: DbOrTx, id: string, giveUpSeconds: number) {
  const [row] = await db
    .update(alertDeliveries)
    .set({
      status: "pending",
      nextAttemptAt: sql`now()`,
      leaseUntil: null,
      giveUpAt: secondsFromNow(giveUpSeconds),
    })
    .where(eq(alertDeliveries.id, id))
    .returning({ id: alertDeliveries.id, channelId: alertDeliveries.channelId });
  return row;
}

/** A test event for one channel, delivered like any other. */
export async function insertTestDelivery(db: DbOrTx, channelId: string, giveUpSeconds: number) {
  return db.transaction(async (tx) => {
    const [event] = await tx
      .insert(alertEvents)
      .values({ kind: "alert.test", details: { message: "A test event from the console." }, dispatchedAt: sql`now()` })
      .returning({ id: alertEvents.id });
    const [delivery] = await tx
      .insert(alertDeliveries)
      .values({ eventId: event!.id, channelId, giveUpAt: secondsFromNow(giveUpSeconds) })
      .returning({ id: alertDeliveries.id });
    return delivery!;
  });
}

export type DeliveryLogItem = {
  id: string;
  channelId: string;
  channelName: string;
  eventId: string;
  kind: string;
  sessionId: string | null;
  status: AlertDeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date;
  createdAt: Date;
};

/** The delivery log, newest first, `limit` at a time after the cursor (createdAt, id). */
export function listDeliveries(
  db: DbOrTx,
  filter: { channelId?: string; sessionId?: string; before?: { createdAt: Date; id: string }; limit: number },
): Promise<DeliveryLogItem[]> {
  const { before } = filter;
  return db
    .select({
      id: alertDeliveries.id,
      channelId: alertDeliveries.channelId,
      channelName: alertChannels.name,
      eventId: alertEvents.publicId,
      kind: alertEvents.kind,
      sessionId: alertDeliveries.sessionId,
      status: alertDeliveries.status,
      attempts: alertDeliveries.attempts,
      lastStatusCode: alertDeliveries.lastStatusCode,
      lastError: alertDeliveries.lastError,
      lastAttemptAt: alertDeliveries.lastAttemptAt,
      nextAttemptAt: alertDeliveries.nextAttemptAt,
      createdAt: alertDeliveries.createdAt,
    })
    .from(alertDeliveries)
    .innerJoin(alertChannels, eq(alertChannels.id, alertDeliveries.channelId))
    .innerJoin(alertEvents, eq(alertEvents.id, alertDeliveries.eventId))
    .where(
      and(
        filter.channelId ? eq(alertDeliveries.channelId, filter.channelId) : undefined,
        filter.sessionId ? eq(alertDeliveries.sessionId, filter.sessionId) : undefined,
        before
          ? or(
              lt(alertDeliveries.createdAt, before.createdAt),
              and(eq(alertDeliveries.createdAt, before.createdAt), lt(alertDeliveries.id, before.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(alertDeliveries.createdAt), desc(alertDeliveries.id))
    .limit(filter.limit);
}
