import type { TelegramClient } from "telegram";
import { isDatabaseError } from "@/db/errors";
import type { LoginFlow, LoginStep } from "@/db/schema";
import { claimLoginFlow, openSteps, releaseLoginFlow, type LoginFlowPatch } from "@/db/queries/login-flows";
import { auditActorId } from "@/lib/audit";
import { DomainError } from "@/lib/errors/domain";
import { secrets } from "@/lib/keys/encrypted-columns";
import { decrypt, encrypt, VaultDecryptError } from "@/lib/vault";
import { connectClient, createTelegramClient, saveSession } from "../client";
import { env } from "@/lib/env";
import { countLoginAttempt } from "@/lib/metrics/login";
import { withDeadline } from "../deadline";
import { classifyTelegramError } from "../errors";
import { TelegramNotConfiguredError } from "../target";
import { stepLockSeconds, type LoginDeps } from "./deps";
import { MovableClient, type MoveToDc } from "./login-token";
import { maxAttempts, type LoginState } from "./state";

export type StepContext = {
  flow: LoginFlow;
  client: TelegramClient;
  /** Continues the flow on a fresh key made on another DC: the step's client from then on, saved for the next step. */
  moveTo: MoveToDc;
  phone: string | null;
  phoneCodeHash: string | null;
};

/** A failed step that still changes the flow (a wrong code counts as an attempt). */
export class StepFailure extends Error {
  constructor(
    override readonly cause: unknown,
    readonly patch: LoginFlowPatch,
  ) {
    super("login step failed");
  }
}

/** What a successful step leaves behind: the flow's new state, unless the step already committed it. */
export type StepOutcome = { patch?: LoginFlowPatch; result: LoginState };

/**
 * Claims the flow, reconnects with the flow's own auth key (the phone_code_hash is bound to it), runs the
 * step, writes its outcome and gives the flow back — on every path, including failures.
 */
export async function runStep(
  deps: LoginDeps,
  flowId: string,
  steps: LoginStep[],
  step: (ctx: StepContext) => Promise<StepOutcome>,
): Promise<LoginState> {
  const claim = await claimLoginFlow(deps.db, flowId, auditActorId(deps.actor), stepLockSeconds());
  if ("missing" in claim) throw new DomainError("not_found", "This login was not found.");
  if ("busy" in claim)
    throw new DomainError("login_busy", "This login is busy with another request. Try again in a moment.");
  const { flow } = claim;
  let patch: LoginFlowPatch = {};
  let held: MovableClient | undefined;
  let stillOpen = true;
  try {
    assertOpen(flow, steps);
    const saved = decrypt(deps.ring, flow.sessionCiphertext ?? "", secrets.loginSession.binding(flow.id));
    held = new MovableClient(await createTelegramClient(saved));
    await connectClient(held.client);
    const outcome = await withDeadline(
      step({ flow, client: held.client, moveTo: held.moveTo, ...readSecrets(deps, flow) }),
      env().TELEGRAM_REQUEST_TIMEOUT_MS,
    );
    patch = outcome.patch ?? {};
    stillOpen = openSteps.includes(outcome.result.flow.step);
    countLoginAttempt(outcome.result.flow.step);
    return outcome.result;
  } catch (error) {
    const cause = error instanceof StepFailure ? error.cause : error;
    countFailedLoginAttempt(cause);
    patch = error instanceof StepFailure ? error.patch : {};
    const failure = cause instanceof DomainError ? undefined : classifyTelegramError(cause);
    if (failure?.kind === "flood")
      patch = { ...patch, floodWaitUntil: new Date(Date.now() + (failure.seconds ?? 60) * 1000) };
    if (failure) patch = { ...patch, lastErrorCode: failure.code };
    throw loginFailure(cause);
  } finally {
    if (held && stillOpen) patch = { ...patch, ...resaveIfMoved(deps, flow, held.client) };
    await held?.close();
    await releaseLoginFlow(deps.db, flow.id, patch);
  }
}

/**
 * A step that followed Telegram to another DC (QR login's migrate-to) holds a new key there, which the
 * next step must use. Nothing else may replace the stored key: after a dropped connection GramJS can
 * discard its key, and the code Telegram sent stays bound to the old one.
 */
function resaveIfMoved(deps: LoginDeps, flow: LoginFlow, client: TelegramClient): LoginFlowPatch {
  const dcId = client.session.dcId;
  if (dcId === flow.dcId || !client.session.getAuthKey(dcId)) return {};
  return { sessionCiphertext: encrypt(deps.ring, saveSession(client), secrets.loginSession.binding(flow.id)), dcId };
}

function assertOpen(flow: LoginFlow, steps: LoginStep[]): void {
  if (flow.expiresAt.getTime() < Date.now() && openSteps.includes(flow.step)) {
    throw new DomainError("conflict", "This login has expired. Start a new one.");
  }
  if (!steps.includes(flow.step))
    throw new DomainError("conflict", `This login is not waiting for that (its step is "${flow.step}").`);
  if (flow.attempts >= maxAttempts)
    throw new DomainError("conflict", "Too many wrong tries for this login. Start a new one.");
}

function readSecrets(deps: LoginDeps, flow: LoginFlow): { phone: string | null; phoneCodeHash: string | null } {
  const open = (envelope: string | null, binding: { table: string; rowId: string; column?: string }) =>
    envelope ? decrypt(deps.ring, envelope, binding) : null;
  return {
    phone: open(flow.phoneCiphertext, secrets.loginPhone.binding(flow.id)),
    phoneCodeHash: open(flow.phoneCodeHashCiphertext, secrets.loginPhoneCodeHash.binding(flow.id)),
  };
}

/**
 * What a login step throws for `error`: the console's own refusals, a missing Telegram configuration and
 * database failures (say, the audit row could not be written) as they are, never as "Telegram could not be
 * reached"; a stored key that cannot be read as a refusal; anything else as Telegram's failure, classified.
 */
export function loginFailure(error: unknown): unknown {
  if (error instanceof DomainError || error instanceof TelegramNotConfiguredError || isDatabaseError(error))
    return error;
  if (error instanceof VaultDecryptError) {
    return new DomainError(
      "conflict",
      "This login's stored key cannot be read with the configured encryption keys. Start a new login.",
    );
  }
  return classifyTelegramError(error);
}

/** Counts a failed login step by its class (see countLoginAttempt). */
export function countFailedLoginAttempt(error: unknown): void {
  countLoginAttempt(error instanceof DomainError ? "rejected" : classifyTelegramError(error).kind);
}
