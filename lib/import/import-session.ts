import { Api, type TelegramClient } from "telegram";
import type { Db, Tx } from "@/db";
import { insertAlertEvents } from "@/db/queries/alert-events";
import { findImportedSessionState } from "@/db/queries/imports";
import { findSessionByAuthKeyId, findUsableSessionOfUser } from "@/db/queries/telegram-accounts";
import type { AlertDraft } from "@/db/schema";
import { auditActorId, writeAudit, type AuditActor, type RequestMeta } from "@/lib/audit";
import { PasswordRequiredError } from "@/lib/rotation/authorize";
import { rotateSession } from "@/lib/rotation/rotate";
import { FloodWaitActiveError } from "@/lib/telegram/connection/errors";
import type { ConnectionManager } from "@/lib/telegram/connection/manager";
import { dcTable, sessionStringFor } from "@/lib/telegram/dc-table";
import { TelegramFailure } from "@/lib/telegram/errors";
import { authKeyIdOf, storeAccount, storeSession } from "@/lib/telegram/login/store-session";
import type { KeyRing } from "@/lib/vault";
import { ImportParseError, validateParsed, type ImportFormat, type ParsedSession } from "./parse";

export type ImportStatus = "imported" | "duplicate" | "dead" | "invalid" | "unreachable";
/** rotated: the console holds a key of its own and the imported one is logged out; shared: not taken over. */
export type Takeover = "rotated" | "shared" | "password_required" | "failed";

/** One item's outcome, as the API answers it: never the key or the string it came in. */
export type ImportOutcome = {
  status: ImportStatus;
  format?: ImportFormat;
  dcId?: number;
  takeover?: Takeover;
  /** The session the console keeps (after a take-over, the new one), or the one a duplicate duplicates. */
  sessionId?: string;
  error?: string;
};

export type ImportDeps = {
  db: Db;
  ring: KeyRing;
  manager: ConnectionManager;
  actor: AuditActor;
  meta?: RequestMeta;
  /** Runs in the transaction that stores the session, so a job knows what an interrupted try already stored. */
  onStored?: (tx: Tx, sessionId: string) => Promise<void>;
};
export type ImportOptions = { labels: string[]; rotate: boolean; password?: string };

/**
 * One item through the pipeline: validate, refuse a key or user the console already has, probe Telegram,
 * store (encrypted) and take over. Each outcome is audited without the secret.
 */
export async function importSession(
  deps: ImportDeps,
  parsed: ParsedSession,
  options: ImportOptions,
): Promise<ImportOutcome> {
  const outcome = await decide(deps, parsed, options);
  if (outcome.status !== "imported") await audit(deps, outcome);
  return outcome;
}

async function decide(deps: ImportDeps, parsed: ParsedSession, options: ImportOptions): Promise<ImportOutcome> {
  const seen = { format: parsed.format, dcId: parsed.dcId };
  try {
    validateParsed(
      parsed,
      (await dcTable()).map((dc) => dc.id),
    );
  } catch (error) {
    if (error instanceof ImportParseError) return { ...seen, status: "invalid", error: error.message };
    throw error;
  }
  const sameKey = await findSessionByAuthKeyId(deps.db, authKeyIdOf(parsed.authKey));
  if (sameKey) return { ...seen, status: "duplicate", sessionId: sameKey, error: "The console already has this key." };
  const sessionString = await sessionStringFor(parsed.dcId, parsed.authKey);
  if (!sessionString) return { ...seen, status: "invalid", error: `DC ${parsed.dcId} is not known.` };
  const kept = await probe(deps, sessionString, async (client, user) => {
    const sameUser = await findUsableSessionOfUser(deps.db, BigInt(user.id.toString()));
    if (sameUser)
      return { status: "duplicate", sessionId: sameUser, error: "The console already manages this account." };
    const sessionId = await deps.db.transaction(async (tx) => {
      const { accountId } = await storeAccount(tx, deps.ring, user, parsed.dcId, "hidden");
      const id = await storeSession(tx, deps.ring, client, {
        accountId,
        dcId: parsed.dcId,
        createdById: auditActorId(deps.actor),
        labels: options.labels,
        sharedKey: true,
      });
      if (!options.rotate) await insertAlertEvents(tx, id, [keyShared("Imported without a take-over.")]);
      await deps.onStored?.(tx, id);
      await writeAudit(
        tx,
        deps.actor,
        { action: "session.import", outcome: "success", target: id, detail: { ...seen, status: "imported" } },
        deps.meta,
      );
      return id;
    });
    return { status: "imported", sessionId };
  });
  if (kept.status !== "imported") return { ...seen, ...kept };
  const { sessionId } = kept;
  if (!options.rotate) return { ...seen, status: "imported", sessionId, takeover: "shared" };
  return { ...seen, status: "imported", ...(await takeOver(deps, sessionId, options.password)) };
}

/**
 * Finishes an item whose session an interrupted try already stored (a crash between the store and the answer):
 * its take-over is read back (finished, waiting for the 2FA password) or made now. "busy" while a rotation of it
 * is still open elsewhere (its recovery finishes or rolls it back; ask again later).
 */
export async function resumeImport(
  deps: ImportDeps,
  sessionId: string,
  options: ImportOptions,
  seen: Pick<ImportOutcome, "format" | "dcId">,
): Promise<ImportOutcome | "busy"> {
  const state = await findImportedSessionState(deps.db, sessionId);
  const imported = { ...seen, status: "imported" as const, sessionId };
  if (!state) return { ...imported, takeover: "failed", error: "The imported session was removed." };
  if (state.successorId) return { ...imported, sessionId: state.successorId, takeover: "rotated" };
  if (state.openRotation === "password_needed")
    return { ...imported, takeover: "password_required", error: passwordRequired };
  if (state.openRotation) return "busy";
  if (!state.sharedKey) return { ...imported, takeover: "rotated" };
  if (!options.rotate) return { ...imported, takeover: "shared" };
  if (state.status !== "active" && state.status !== "degraded")
    return { ...imported, takeover: "failed", error: `Imported, but the session is ${state.status}.` };
  return { ...imported, ...(await takeOver(deps, sessionId, options.password)) };
}

const passwordRequired = "Two-step verification: send the password to take over.";

/** key.shared: the imported key may still be in use where it came from, until a rotation replaces it. */
const keyShared = (reason: string, errorCode?: string): AlertDraft => ({
  kind: "key.shared",
  details: { reason, ...(errorCode ? { errorCode } : {}) },
});

type Kept =
  | { status: "imported"; sessionId: string }
  | { status: Exclude<ImportStatus, "imported">; sessionId?: string; error: string };

/** Probes the key (users.getUsers(self)) and, on the same connection, lets `keep` decide what to store. */
async function probe(
  deps: ImportDeps,
  sessionString: string,
  keep: (client: TelegramClient, user: Api.User) => Promise<Kept>,
): Promise<Kept> {
  try {
    return await deps.manager.runUnstored(deps.db, "import", sessionString, async (client) => {
      const [self] = await client.invoke(new Api.users.GetUsers({ id: [new Api.InputUserSelf()] }));
      if (!(self instanceof Api.User)) return { status: "dead", error: "Telegram answered without the account." };
      return keep(client, self);
    });
  } catch (error) {
    if (error instanceof FloodWaitActiveError)
      return { status: "unreachable", error: "Telegram asked to wait; try again later." };
    if (!(error instanceof TelegramFailure)) throw error;
    if (error.kind === "transient" || error.kind === "flood")
      return { status: "unreachable", error: `Telegram could not be reached (${error.code}); try again.` };
    return { status: "dead", error: `Telegram refused the key (${error.code}).` };
  }
}

/** Mints the console's own authorization from the imported key (a rotation), which logs the imported key out. */
async function takeOver(
  deps: ImportDeps,
  sessionId: string,
  password: string | undefined,
): Promise<Pick<ImportOutcome, "sessionId" | "takeover" | "error">> {
  const { db, ring, manager, actor } = deps;
  const rotationDeps = {
    db,
    ring,
    manager,
    requester: { actorId: auditActorId(actor), actorLabel: actor.label },
    commit: db.transaction.bind(db),
  };
  try {
    const rotated = await rotateSession(rotationDeps, sessionId, { password });
    return { sessionId: rotated.newSessionId, takeover: "rotated" };
  } catch (error) {
    if (error instanceof PasswordRequiredError) {
      await insertAlertEvents(db, sessionId, [keyShared(passwordRequired)]);
      return { sessionId, takeover: "password_required", error: passwordRequired };
    }
    const code = error instanceof TelegramFailure ? error.code : error instanceof Error ? error.name : "unknown";
    await insertAlertEvents(db, sessionId, [keyShared(`The take-over failed (${code}).`, code)]);
    return { sessionId, takeover: "failed", error: `Imported, but the take-over failed (${code}); rotate it later.` };
  }
}

async function audit(deps: ImportDeps, outcome: ImportOutcome): Promise<void> {
  const { status, format, dcId, sessionId, error } = outcome;
  await writeAudit(
    deps.db,
    deps.actor,
    {
      action: "session.import",
      outcome: "failure",
      target: status === "duplicate" ? sessionId : null,
      detail: { status, format, dcId, error },
    },
    deps.meta,
  );
}
