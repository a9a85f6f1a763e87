import { and, asc, count, eq, gt, isNull, lt, notExists, notInArray, or, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { systemActor, writeAudit } from "@/lib/audit";
import { sessionRotations, telegramSessions } from "@/db/schema";
import { closedRotationSteps } from "@/lib/revocation/lock-session";
import { systemRequester } from "@/lib/revocation/requester";
import { log } from "@/lib/log";
import type { ConnectionManager } from "@/lib/telegram/connection/manager";
import type { Commit } from "@/lib/telegram/login/deps";
import type { KeyRing } from "@/lib/vault";
import { PasswordRequiredError } from "./authorize";
import { readRotationPolicy } from "./policy";
import { rotateSession } from "./rotate";
import { rollBack } from "./store";

// A session whose automatic rotation failed (say, its account has a 2FA password) waits this long.
const retryAfterHours = 24;

/**
 * Applies the rotation policy: active sessions older than maxAgeDays, never one in a flood wait or held by
 * another process, are rotated, at most maxConcurrent at a time over all processes. Returns how many rotated.
 */
export async function applyRotationPolicy(deps: {
  db: Db;
  ring: KeyRing;
  manager: ConnectionManager;
}): Promise<number> {
  const { db } = deps;
  const policy = await readRotationPolicy(db);
  if (!policy.enabled) return 0;
  const [open] = await db
    .select({ n: count() })
    .from(sessionRotations)
    .where(and(eq(sessionRotations.trigger, "policy"), notInArray(sessionRotations.step, closedRotationSteps)));
  const slots = policy.maxConcurrent - (open?.n ?? 0);
  if (slots <= 0) return 0;
  const recentlyTried = db
    .select({ id: sessionRotations.id })
    .from(sessionRotations)
    .where(
      and(
        eq(sessionRotations.sessionId, telegramSessions.id),
        gt(sessionRotations.createdAt, sql`now() - make_interval(hours => ${retryAfterHours})`),
      ),
    );
  const due = await db
    .select({ id: telegramSessions.id })
    .from(telegramSessions)
    .where(
      and(
        eq(telegramSessions.status, "active"),
        lt(telegramSessions.createdAt, sql`now() - make_interval(days => ${policy.maxAgeDays})`),
        or(isNull(telegramSessions.floodWaitUntil), lt(telegramSessions.floodWaitUntil, sql`now()`)),
        or(isNull(telegramSessions.leaseUntil), lt(telegramSessions.leaseUntil, sql`now()`)),
        notExists(recentlyTried),
      ),
    )
    .orderBy(asc(telegramSessions.createdAt))
    .limit(slots);
  const results = await Promise.all(due.map(({ id }) => rotateByPolicy(deps, id)));
  return results.filter(Boolean).length;
}

async function rotateByPolicy(
  deps: { db: Db; ring: KeyRing; manager: ConnectionManager },
  sessionId: string,
): Promise<boolean> {
  const commit: Commit = (work) =>
    deps.db.transaction(async (tx) => {
      const result = await work(tx);
      await writeAudit(tx, systemActor, {
        action: "session.rotate",
        target: sessionId,
        outcome: "success",
        detail: { result: "rotated", trigger: "policy" },
      });
      return result;
    });
  try {
    await rotateSession({ ...deps, requester: systemRequester, commit }, sessionId, { trigger: "policy" });
    return true;
  } catch (error) {
    // Nobody is there to type a 2FA password: the automatic rotation gives up on this session for now.
    if (error instanceof PasswordRequiredError) await giveUp(deps.db, sessionId);
    log.warn(
      { sessionId, err: error instanceof Error ? error.name : String(error) },
      "automatic rotation did not complete",
    );
    return false;
  }
}

async function giveUp(db: Db, sessionId: string): Promise<void> {
  const waiting = await db.query.sessionRotations.findFirst({
    where: and(eq(sessionRotations.sessionId, sessionId), eq(sessionRotations.step, "password_needed")),
    columns: { id: true },
  });
  if (waiting) await rollBack(db, waiting.id, "PASSWORD_REQUIRED");
}
