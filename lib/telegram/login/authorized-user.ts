import { Api, type TelegramClient } from "telegram";
import { classifyTelegramError } from "../errors";
import { exportLoginToken, type MoveToDc } from "./login-token";

/** The user an authorization answer names. */
export function userOf(authorization: Api.auth.TypeAuthorization): Api.User {
  if (authorization instanceof Api.auth.Authorization && authorization.user instanceof Api.User)
    return authorization.user;
  throw new Error(`Telegram answered the login without a user (${authorization.className})`);
}

/**
 * The account this key is already logged in to, if any. When Telegram accepted a code or password but its
 * answer was lost (a dropped connection), the retry is refused; the key itself still tells the truth.
 */
export async function alreadyAuthorizedUser(client: TelegramClient): Promise<Api.User | null> {
  try {
    const [self] = await client.invoke(new Api.users.GetUsers({ id: [new Api.InputUserSelf()] }));
    return self instanceof Api.User ? self : null;
  } catch {
    return null;
  }
}

/**
 * Whether Telegram has logged the fresh key in, from a definite answer only: a network failure is thrown,
 * never taken for "no" (dropping a key Telegram did authorize would leave two usable sessions). When the
 * old session may already have accepted the token, asking for a token again completes that login.
 */
export async function freshIsAuthorized(
  fresh: TelegramClient,
  tokenMayBeAccepted: boolean,
  moveTo?: MoveToDc,
): Promise<boolean> {
  try {
    await fresh.invoke(new Api.users.GetUsers({ id: [new Api.InputUserSelf()] }));
    return true;
  } catch (error) {
    throwUnlessDefinite(error);
  }
  if (!tokenMayBeAccepted) return false;
  try {
    return (await exportLoginToken(fresh, moveTo)) instanceof Api.auth.LoginTokenSuccess;
  } catch (error) {
    throwUnlessDefinite(error);
    return false;
  }
}

function throwUnlessDefinite(error: unknown): void {
  const failure = classifyTelegramError(error);
  if (failure.kind === "transient" || failure.kind === "flood") throw failure;
}
