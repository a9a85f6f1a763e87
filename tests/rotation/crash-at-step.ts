/**
 * Preloaded (`node --import tsx --import ./tests/rotation/crash-at-step.ts`) into a process that rotates
 * SESSION_ID: SIGKILLs that process, as kill -9 would, right after the rotation's ROTATION_CRASH_AT step is
 * persisted — or, for `logged_out`, right after the old key's auth.LogOut came back, before the console recorded
 * it. The product has no hook for this: the preload wraps the database driver's statements and GramJS's invoke.
 */
import { Pool } from "@neondatabase/serverless";
import { NeonPreparedQuery } from "drizzle-orm/neon-serverless";
import { Api, TelegramClient } from "telegram";
import type { RotationStep } from "@/db/schema";

export type CrashPoint = RotationStep | "logged_out";

const target = process.env.ROTATION_CRASH_AT as CrashPoint | undefined;
const sessionId = process.env.SESSION_ID;
if (!target || !sessionId) throw new Error("crash-at-step needs ROTATION_CRASH_AT and SESSION_ID");

const die = (): never => {
  process.kill(process.pid, "SIGKILL");
  throw new Error("unreachable: the process was killed");
};

type Queryable = { query(text: string, values: unknown[]): Promise<{ rows: { step: string }[] }> };

if (target === "logged_out") {
  const invoke = TelegramClient.prototype.invoke;
  TelegramClient.prototype.invoke = async function (this: TelegramClient, ...args: Parameters<typeof invoke>) {
    try {
      return await invoke.apply(this, args);
    } finally {
      if (args[0] instanceof Api.auth.LogOut) die();
    }
  } as typeof invoke;
} else {
  // A statement is durable once it committed: a COMMIT, or a write outside a transaction (run on the Pool itself).
  const execute = NeonPreparedQuery.prototype.execute;
  NeonPreparedQuery.prototype.execute = async function (this: NeonPreparedQuery<never>, ...args) {
    const result = await execute.apply(this, args);
    const { client, rawQueryConfig } = this as unknown as { client: Queryable; rawQueryConfig: { text: string } };
    const text = rawQueryConfig.text.trimStart().toLowerCase();
    const committed = text.startsWith("commit") || (client instanceof Pool && !text.startsWith("select"));
    if (committed) {
      const { rows } = await client.query(
        "select step from session_rotations where session_id = $1 order by created_at desc limit 1",
        [sessionId],
      );
      if (rows[0]?.step === target) die();
    }
    return result;
  };
}
