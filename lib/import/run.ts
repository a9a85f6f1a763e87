import type { Db, DbOrTx } from "@/db";
import type { AuditActor, RequestMeta } from "@/lib/audit";
import type { ConnectionManager } from "@/lib/telegram/connection/manager";
import type { KeyRing } from "@/lib/vault";
import { importSession } from "./import-session";
import { auditRefused, createImportJob, refusedResult, type ImportItemResult } from "./job";
import type { PreparedItem } from "./prepare";

export type ImportRunDeps = {
  db: Db;
  ring: KeyRing;
  manager: ConnectionManager;
  actor: AuditActor;
  meta?: RequestMeta;
};

/** Imports a few items now, one after the other; each outcome is audited (without the secret) as it is decided. */
export async function importNow(
  deps: ImportRunDeps,
  items: PreparedItem[],
  rotate: boolean,
): Promise<ImportItemResult[]> {
  const results: ImportItemResult[] = [];
  for (const item of items) {
    if (item.error !== undefined) {
      const result = refusedResult(item);
      await auditRefused(deps.db, deps.actor, result);
      results.push(result);
      continue;
    }
    const outcome = await importSession(deps, item.parsed, { labels: item.labels, rotate, password: item.password });
    results.push({ index: item.index, ...(item.name && { name: item.name }), ...outcome });
  }
  return results;
}

/** Queues the items as a job the background path runs (see lib/import/job.ts); in the caller's transaction. */
export function queueImport(
  tx: DbOrTx,
  deps: Pick<ImportRunDeps, "ring" | "actor">,
  items: PreparedItem[],
  rotate: boolean,
): Promise<string> {
  return createImportJob(tx, deps.ring, deps.actor, items, rotate);
}
