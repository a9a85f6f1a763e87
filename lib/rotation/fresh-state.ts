import { Api, type TelegramClient } from "telegram";
import { classifyTelegramError } from "@/lib/telegram/errors";
import { exportLoginToken } from "@/lib/telegram/login/login-token";

/**
 * Whether Telegram has logged the fresh key in, from a definite answer only: a network failure is thrown,
 * never taken for "no" (dropping a key Telegram did authorize would leave two usable sessions). When the
 * old session may already have accepted the token, asking for a token again completes that login.
 */
export async function freshIsAuthorized(fresh: TelegramClient, tokenMayBeAccepted: boolean): Promise<boolean> {
  try {
    await fresh.invoke(new Api.users.GetUsers({ id: [new Api.InputUserSelf()] }));
    return true;
  } catch (error) {
    throwUnlessDefinite(error);
  }
  if (!tokenMayBeAccepted) return false;
  try {
    return (await exportLoginToken(fresh)) instanceof Api.auth.LoginTokenSuccess;
  } catch (error) {
    throwUnlessDefinite(error);
    return false;
  }
}

function throwUnlessDefinite(error: unknown): void {
  const failure = classifyTelegramError(error);
  if (failure.kind === "transient" || failure.kind === "flood") throw failure;
}
