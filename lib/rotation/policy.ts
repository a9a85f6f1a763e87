import { z } from "zod";
import type { Db, DbOrTx } from "@/db";
import { readSetting, writeSetting } from "@/db/queries/console-settings";
import {
  countOpenPolicyRotations,
  findPasswordWait,
  listSessionsDueForRotation,
  rollBackRotation,
} from "@/db/queries/rotations";
import { systemActor, writeAudit } from "@/lib/audit";
import { log } from "@/lib/log";
import { systemRequester } from "@/lib/revocation/revoke";
import type { ConnectionManager } from "@/lib/telegram/connection/manager";
import type { Commit } from "@/lib/telegram/login/deps";
import type { KeyRing } from "@/lib/vault";
import { PasswordRequiredError } from "./authorize";
import { rotateSession } from "./rotate";

export const rotationPolicySchema = z.object({
  enabled: z.boolean("Enabled is true or false."),
  maxAgeDays: z
    .number("Send a number of days.")
    .int("Whole days only.")
    .min(1, "At least 1 day.")
    .max(3650, "At most 3650 days."),
  maxConcurrent: z.number("Send a number.").int("A whole number.").min(1, "At least 1.").max(50, "At most 50."),
});

export type RotationPolicy = z.infer<typeof rotationPolicySchema>;

/** Off until an admin turns it on. */
export const defaultRotationPolicy: RotationPolicy = { enabled: false, maxAgeDays: 30, maxConcurrent: 2 };

const key = "rotation_policy";

export async function readRotationPolicy(db: DbOrTx): Promise<RotationPolicy> {
  const stored = rotationPolicySchema.safeParse({ ...defaultRotationPolicy, ...(await readSetting(db, key)) });
  return stored.success ? stored.data : defaultRotationPolicy;
}

export async function writeRotationPolicy(
  db: DbOrTx,
  policy: RotationPolicy,
  updatedBy: string,
): Promise<RotationPolicy> {
  await writeSetting(db, key, policy, updatedBy);
  return policy;
}

// A session whose automatic rotation failed (say, its account has a 2FA password) waits this long.
const retryAfterHours = 24;

type PolicyDeps = { db: Db; ring: KeyRing; manager: ConnectionManager };

/**
 * Applies the rotation policy: active sessions older than maxAgeDays, never one in a flood wait or held by
 * another process, are rotated, at most maxConcurrent at a time over all processes. Returns how many rotated.
 */
export async function applyRotationPolicy(deps: PolicyDeps): Promise<number> {
  const policy = await readRotationPolicy(deps.db);
  if (!policy.enabled) return 0;
  const slots = policy.maxConcurrent - (await countOpenPolicyRotations(deps.db));
  if (slots <= 0) return 0;
  const due = await listSessionsDueForRotation(deps.db, {
    maxAgeDays: policy.maxAgeDays,
    retryAfterHours,
    limit: slots,
  });
  const results = await Promise.all(due.map((id) => rotateByPolicy(deps, id)));
  return results.filter(Boolean).length;
}

async function rotateByPolicy(deps: PolicyDeps, sessionId: string): Promise<boolean> {
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
    if (error instanceof PasswordRequiredError) {
      const waiting = await findPasswordWait(deps.db, sessionId);
      if (waiting) await rollBackRotation(deps.db, waiting.id, "PASSWORD_REQUIRED");
    }
    log.warn(
      { sessionId, err: error instanceof Error ? error.name : String(error) },
      "automatic rotation did not complete",
    );
    return false;
  }
}
