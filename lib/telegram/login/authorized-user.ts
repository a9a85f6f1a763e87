import { Api, type TelegramClient } from "telegram";

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
