import type { RowChange } from "./change-journal";

export type KnownActor = { memberId?: string; tokenId?: string };

/**
 * The changes a refused request may leave behind: the wrapper's `failure` audit row for an authenticated
 * actor, and the API token's last-used time; after an attempt Telegram refused (409, 422, 429, 503), also the
 * attempt's own record: a rotation that ended rolled back, with no fresh key and no new session. Anything
 * else a refused request changed is returned.
 */
export function unexpectedChanges(changes: RowChange[], actor: KnownActor, status: number): RowChange[] {
  const attempted = attemptStatuses.includes(status);
  return netChanges(changes).filter(
    (change) =>
      !isFailureAuditRow(change, actor) &&
      !isTokenTouch(change, actor) &&
      !(attempted && (isRolledBackRotation(change) || isRotationFailedAlert(change))),
  );
}

const attemptStatuses = [409, 422, 429, 503];

function isRolledBackRotation(change: RowChange): boolean {
  return (
    change.table === "session_rotations" &&
    change.op === "INSERT" &&
    change.new?.step === "rolled_back" &&
    change.new.fresh_ciphertext === null &&
    change.new.new_session_id === null
  );
}

/** The alert a rolled-back rotation raises in its rollback's transaction (the outbox's rotation.failed). */
function isRotationFailedAlert(change: RowChange): boolean {
  return change.table === "alert_events" && change.op === "INSERT" && change.new?.kind === "rotation.failed";
}

/**
 * One change per row, from its first old state to its last new state, leaving out rows that ended as they
 * began (a connection lease taken and given back): what a before/after comparison of the table would see.
 */
function netChanges(changes: RowChange[]): RowChange[] {
  const byRow = new Map<string, RowChange>();
  changes.forEach((change, index) => {
    const row = change.new ?? change.old;
    const key = change.op === "TRUNCATE" || row?.id === undefined ? `#${index}` : `${change.table}:${String(row.id)}`;
    const first = byRow.get(key);
    byRow.set(key, first ? { ...change, op: first.op === "INSERT" ? "INSERT" : change.op, old: first.old } : change);
  });
  return [...byRow.values()].filter(
    (change) => change.op === "TRUNCATE" || JSON.stringify(change.old) !== JSON.stringify(change.new),
  );
}

function isFailureAuditRow(change: RowChange, actor: KnownActor): boolean {
  return (
    actor.memberId !== undefined &&
    change.table === "audit_log" &&
    change.op === "INSERT" &&
    change.new?.outcome === "failure" &&
    change.new.actor_id === actor.memberId
  );
}

function isTokenTouch(change: RowChange, actor: KnownActor): boolean {
  if (actor.tokenId === undefined || change.table !== "api_tokens" || change.op !== "UPDATE") return false;
  const { last_used_at: _before, ...before } = change.old ?? {};
  const { last_used_at: _after, ...after } = change.new ?? {};
  return after.id === actor.tokenId && JSON.stringify(before) === JSON.stringify(after);
}
