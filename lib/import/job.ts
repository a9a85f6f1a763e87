import { randomUUID } from "node:crypto";
import type { Db, DbOrTx } from "@/db";
import { insertJob, recordItemProgress, type ClaimedJobItem, type NewJobItem } from "@/db/queries/jobs";
import { auditActorId, writeAudit, type AuditActor } from "@/lib/audit";
import type { ItemOutcome, JobItemHandler } from "@/lib/jobs/runner";
import { secrets } from "@/lib/keys/encrypted-columns";
import type { ConnectionManager } from "@/lib/telegram/connection/manager";
import { decrypt, encrypt, VaultDecryptError, type KeyRing } from "@/lib/vault";
import { importSession, resumeImport, type ImportOutcome } from "./import-session";
import type { ImportFormat, ParsedSession } from "./parse";
import type { PreparedItem } from "./prepare";

export const importJobKind = "session_import";

/** One item's line in an import's results (the 200 answer and the job's results). */
export type ImportItemResult = Omit<ImportOutcome, "status"> & {
  index: number;
  name?: string;
  status: ImportOutcome["status"] | "failed";
};

/** What a pending item keeps, sealed by the vault until it is done: the key and the item's own choices. */
type SealedItem = {
  format: ImportFormat;
  dcId: number;
  authKey: string;
  userId?: string;
  labels: string[];
  password?: string;
};

/** An item refused while reading it: its result, audited like any other outcome. */
export function refusedResult(item: PreparedItem & { error: string }): ImportItemResult {
  return {
    index: item.index,
    ...(item.name && { name: item.name }),
    status: "invalid",
    ...(item.format && { format: item.format }),
    error: item.error,
  };
}

export async function auditRefused(db: DbOrTx, actor: AuditActor, result: ImportItemResult): Promise<void> {
  const { status, format, error, index } = result;
  await writeAudit(db, actor, {
    action: "session.import",
    outcome: "failure",
    detail: { status, format, error, index },
  });
}

/**
 * Queues an import: each item's key sealed with the vault (bound to its row), items refused while reading kept
 * with their result. Call it in the transaction that audits the request; the background path runs the items.
 */
export async function createImportJob(
  tx: DbOrTx,
  ring: KeyRing,
  actor: AuditActor,
  items: PreparedItem[],
  rotate: boolean,
): Promise<string> {
  const rows: NewJobItem[] = [];
  for (const item of items) {
    const id = randomUUID();
    if (item.error !== undefined) {
      const result = refusedResult(item);
      await auditRefused(tx, actor, result);
      rows.push({ id, index: item.index, name: item.name, payloadCiphertext: null, result });
      continue;
    }
    const sealed: SealedItem = {
      format: item.parsed.format,
      dcId: item.parsed.dcId,
      authKey: item.parsed.authKey.toString("hex"),
      ...(item.parsed.userId !== undefined && { userId: item.parsed.userId.toString() }),
      labels: item.labels,
      ...(item.password && { password: item.password }),
    };
    const payloadCiphertext = encrypt(ring, JSON.stringify(sealed), secrets.jobPayload.binding(id));
    rows.push({ id, index: item.index, name: item.name, payloadCiphertext });
  }
  return insertJob(
    tx,
    { kind: importJobKind, options: { rotate }, createdById: auditActorId(actor), createdByLabel: actor.label },
    rows,
  );
}

export type ImportJobDeps = { db: Db; ring: KeyRing; manager: ConnectionManager };

/** How long to wait before looking again at an item whose session is still being rotated elsewhere. */
const busyRetrySeconds = 5;

/**
 * Runs one item of an import job. A try that was interrupted after storing its session (kept as the item's
 * progress, written in the same transaction) is finished from there, so a key is never stored twice.
 */
export function importItemHandler(deps: ImportJobDeps): JobItemHandler {
  return async (item: ClaimedJobItem): Promise<ItemOutcome> => {
    const done = (outcome: Omit<ImportItemResult, "index">) => ({
      result: { index: item.index, ...(item.name && { name: item.name }), ...outcome },
    });
    const rotate = item.options.rotate !== false;
    const actor: AuditActor = { id: item.createdById, label: item.createdByLabel };
    const sealed = openItem(deps.ring, item);
    if (!sealed) return done({ status: "failed", error: "The queued item can no longer be read (vault key gone?)." });
    const options = { labels: sealed.labels, rotate, password: sealed.password };
    const importDeps = {
      ...deps,
      actor,
      onStored: (tx: DbOrTx, sessionId: string) => recordItemProgress(tx, item.id, { sessionId }),
    };
    const stored = typeof item.progress?.sessionId === "string" ? item.progress.sessionId : undefined;
    if (stored) {
      const resumed = await resumeImport(importDeps, stored, options, { format: sealed.format, dcId: sealed.dcId });
      return resumed === "busy" ? { postponeSeconds: busyRetrySeconds } : done(resumed);
    }
    const parsed: ParsedSession = {
      format: sealed.format,
      dcId: sealed.dcId,
      authKey: Buffer.from(sealed.authKey, "hex"),
      ...(sealed.userId && { userId: BigInt(sealed.userId) }),
    };
    return done(await importSession(importDeps, parsed, options));
  };
}

function openItem(ring: KeyRing, item: ClaimedJobItem): SealedItem | undefined {
  if (!item.payloadCiphertext) return undefined;
  try {
    return JSON.parse(decrypt(ring, item.payloadCiphertext, secrets.jobPayload.binding(item.id))) as SealedItem;
  } catch (error) {
    if (error instanceof VaultDecryptError) return undefined;
    throw error;
  }
}
