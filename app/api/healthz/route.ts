import { getDb } from "@/db";
import { pingDatabase } from "@/db/queries/ping";
import { rootCause } from "@/db/errors";
import { jsonReply } from "@/lib/api/reply";
import { monitorStatus } from "@/lib/health/monitor";
import { log } from "@/lib/log";

const timeoutMs = 3_000;

/**
 * Liveness and readiness, for load balancers and uptime checks: no auth, no details beyond reachability.
 * `monitor` says whether any health monitor beat lately; a stopped monitor does not make the console unready.
 */
export async function GET(): Promise<Response> {
  try {
    const db = await withTimeout(getDb(), timeoutMs);
    await withTimeout(pingDatabase(db), timeoutMs);
    const monitor = await withTimeout(monitorStatus(db), timeoutMs);
    return jsonReply({ status: "ok", database: "ok", monitor });
  } catch (error) {
    log.warn({ err: rootCause(error) }, "health check: database unreachable");
    return jsonReply({ status: "unavailable", database: "unreachable" }, 503);
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
