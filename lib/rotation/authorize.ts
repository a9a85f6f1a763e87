import { Api, errors, type TelegramClient } from "telegram";
import type { Db, DbOrTx } from "@/db";
import { updateRotation, type RotationPatch } from "@/db/queries/rotations";
import type { RotationStep, SessionRotation } from "@/db/schema";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors/domain";
import { secrets } from "@/lib/keys/encrypted-columns";
import { connectClient, createTelegramClient, saveSession } from "@/lib/telegram/client";
import { withDeadline } from "@/lib/telegram/deadline";
import { classifyTelegramError } from "@/lib/telegram/errors";
import { exportLoginToken } from "@/lib/telegram/login/login-token";
import { signInWithPassword } from "@/lib/telegram/login/password";
import { decrypt, encrypt, type KeyRing } from "@/lib/vault";

/** The account has two-step verification: the admin must send its password (the hint is safe to show). */
export class PasswordRequiredError extends DomainError {
  constructor(readonly hint: string | null) {
    const fields: Record<string, string> = { password: "Enter the account's two-step verification password." };
    if (hint) fields.hint = hint;
    super("password_required", "This account has two-step verification. Enter its password to finish the rotation.", {
      fields,
    });
    this.name = "PasswordRequiredError";
  }
}

type Deps = { db: Db; ring: KeyRing };

/**
 * Logs the fresh key in from the old session, with no code: the fresh key exports a login token, the old
 * session accepts it, the fresh key exports again and gets the authorization (or stops at the password).
 * Every step is persisted before the next one, with the fresh key, so a crash can be finished or undone.
 */
export async function authorizeFresh(
  deps: Deps,
  rotation: SessionRotation,
  fresh: TelegramClient,
  old: TelegramClient,
  password?: string,
): Promise<void> {
  if (rotation.step === "started") {
    await handOffLoginToken(fresh, old, {
      exported: () => saveFreshStep(deps.db, deps.ring, rotation.id, "exported", fresh),
      accepted: () => updateRotation(deps.db, rotation.id, { step: "accepted" }),
    });
  }
  if (rotation.step !== "password_needed" && (await importAuthorization(fresh)))
    return authorized(deps, rotation, fresh);
  if (password === undefined) {
    const hint = (await fresh.invoke(new Api.account.GetPassword())).hint ?? null;
    await saveFreshStep(deps.db, deps.ring, rotation.id, "password_needed", fresh, {
      passwordHint: hint,
      lockedUntil: null,
    });
    throw new PasswordRequiredError(hint);
  }
  await signInWithPassword(fresh, password);
  await authorized(deps, rotation, fresh);
}

/**
 * The handoff that mints an authorization from a logged-in session without a code (rotations and leases): the
 * fresh key exports a login token and `from` accepts it. `exported` runs before the accept (keep the fresh key
 * there, so a crash can still log it out), `accepted` after; then `importAuthorization` finishes the login.
 */
export async function handOffLoginToken(
  fresh: TelegramClient,
  from: TelegramClient,
  steps: { exported(): Promise<void>; accepted(): Promise<void> },
): Promise<void> {
  const token = await exportLoginToken(fresh);
  if (!(token instanceof Api.auth.LoginToken)) throw new Error("a fresh key was already authorized");
  await steps.exported();
  await from.invoke(new Api.auth.AcceptLoginToken({ token: token.token }));
  await steps.accepted();
}

/** true once the accepted token has logged the fresh key in; false when Telegram wants the 2FA password. */
export async function importAuthorization(fresh: TelegramClient): Promise<boolean> {
  try {
    const answer = await exportLoginToken(fresh);
    if (answer instanceof Api.auth.LoginTokenSuccess) return true;
    throw new Error("Telegram did not accept the rotation's login token");
  } catch (error) {
    if (classifyTelegramError(error).code === "SESSION_PASSWORD_NEEDED") return false;
    throw error;
  }
}

async function authorized(deps: Deps, rotation: SessionRotation, fresh: TelegramClient): Promise<void> {
  await saveFreshStep(deps.db, deps.ring, rotation.id, "authorized", fresh, { passwordHint: null });
}

/** Persists the step together with the fresh key as it is now (a DC move changes it), encrypted to this row. */
export function saveFreshStep(
  db: DbOrTx,
  ring: KeyRing,
  id: string,
  step: RotationStep,
  fresh: TelegramClient,
  extra: RotationPatch = {},
): Promise<void> {
  return updateRotation(db, id, {
    step,
    freshCiphertext: encrypt(ring, saveSession(fresh), secrets.rotationSession.binding(id)),
    ...extra,
  });
}

export function readFreshKey(ring: KeyRing, rotation: Pick<SessionRotation, "id" | "freshCiphertext">): string | null {
  return rotation.freshCiphertext
    ? decrypt(ring, rotation.freshCiphertext, secrets.rotationSession.binding(rotation.id))
    : null;
}

/**
 * The rotation's new key: a client of its own (never shared with the old session's connection), each
 * request under the request deadline, and no reconnect loop of GramJS's after a dropped socket. A dropped
 * socket rejects with GramJS's plain errors ("Not connected"); they become a transient TelegramFailure, as
 * behind the connection manager, so the API answers 503 rather than 500. RPC errors stay as GramJS throws them.
 */
export async function openFreshClient(saved: string, dcId: number): Promise<TelegramClient> {
  const client = await createTelegramClient(saved, { dcId, floodSleepThreshold: 0 });
  client._reconnectRetries = -1;
  const invoke = client.invoke.bind(client);
  const timeoutMs = env().TELEGRAM_REQUEST_TIMEOUT_MS;
  client.invoke = ((request, dc) =>
    withDeadline(invoke(request, dc), timeoutMs).catch(asTelegramFailure)) as TelegramClient["invoke"];
  try {
    await connectClient(client);
  } catch (error) {
    await client.destroy().catch(() => undefined);
    asTelegramFailure(error);
  }
  return client;
}

function asTelegramFailure(error: unknown): never {
  throw error instanceof errors.RPCError ? error : classifyTelegramError(error);
}

export async function closeClient(client: TelegramClient | undefined): Promise<void> {
  await client?.destroy().catch(() => undefined);
}
