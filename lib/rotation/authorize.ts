import { Api, type TelegramClient } from "telegram";
import type { Db } from "@/db";
import type { SessionRotation } from "@/db/schema";
import { classifyTelegramError } from "@/lib/telegram/errors";
import { exportLoginToken } from "@/lib/telegram/login/login-token";
import { signInWithPassword } from "@/lib/telegram/login/password";
import type { KeyRing } from "@/lib/vault";
import { saveFreshStep, updateRotation } from "./store";

/** The account has two-step verification: the admin must send its password (the hint is safe to show). */
export class PasswordRequiredError extends Error {
  constructor(readonly hint: string | null) {
    super("This account has two-step verification. Enter its password to finish the rotation.");
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
    const token = await exportLoginToken(fresh);
    if (!(token instanceof Api.auth.LoginToken)) throw new Error("a fresh key was already authorized");
    await saveFreshStep(deps.db, deps.ring, rotation.id, "exported", fresh);
    await old.invoke(new Api.auth.AcceptLoginToken({ token: token.token }));
    await updateRotation(deps.db, rotation.id, { step: "accepted" });
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

/** true once the accepted token has logged the fresh key in; false when Telegram wants the 2FA password. */
async function importAuthorization(fresh: TelegramClient): Promise<boolean> {
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
