import { apiRoute } from "@/lib/api/handler";
import { readImportInput } from "@/lib/api/import-input";
import { itemsOf } from "@/lib/api/import-items";
import {
  importFormBody,
  importJsonBody,
  importQueuedReply,
  importReply,
  syncImportLimit,
  type ImportQueuedReply,
  type ImportReply,
} from "@/lib/api/schemas/imports";
import { requestMeta } from "@/lib/audit";
import { importNow, queueImport } from "@/lib/import/run";
import { connectionManager } from "@/lib/telegram/connection/manager";
import { loadKeyRing } from "@/lib/vault";

/**
 * Imports sessions: JSON `{items:[{data, format?, labels?, password?}], rotate?, passcode?}` or multipart `files`
 * (.session, .txt one string per line, tdata .zip). Up to 10 strings run now: 200 {results}. More, or any file,
 * become a job: 202 {jobId} (GET /api/v1/jobs/{id}). Each item is audited as session.import without its secret.
 */
export const POST = apiRoute(
  {
    summary: "Import sessions: up to 10 strings now, more (or files) as a job",
    response: importReply,
    otherResponses: { 202: importQueuedReply },
    documentedBody: { "application/json": importJsonBody, "multipart/form-data": importFormBody },
    role: "admin",
    transaction: "manual",
    audit: { action: "session.import_batch" },
  },
  async ({ db, request, actor, commit, note, setStatus }): Promise<ImportReply | ImportQueuedReply> => {
    const input = await readImportInput(request);
    const items = await itemsOf(input);
    const deps = { db, ring: loadKeyRing(), manager: connectionManager(), actor, meta: requestMeta(request.headers) };
    note({ detail: { items: items.length, files: input.files.length, rotate: input.rotate } });
    if (input.files.length === 0 && items.length <= syncImportLimit)
      return { results: await importNow(deps, items, input.rotate) };
    const jobId = await commit((tx) => queueImport(tx, deps, items, input.rotate));
    note({ target: jobId });
    setStatus(202);
    return { jobId };
  },
);
