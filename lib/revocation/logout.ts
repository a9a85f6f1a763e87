import { Api } from "telegram";
import type { DbOrTx } from "@/db";
import { FloodWaitActiveError, SessionBusyError, SessionUnavailableError } from "@/lib/telegram/connection/errors";
import type { ConnectionManager } from "@/lib/telegram/connection/manager";
import { classifyTelegramError } from "@/lib/telegram/errors";
import { VaultDecryptError } from "@/lib/vault";

export type LogoutOutcome = { done: true } | { done: false; code: string };

/**
 * auth.logOut with the session's own key, under its lease. A key Telegram already refuses as dead is as
 * good as logged out; anything without a definite answer (network, busy lease, flood wait) is retried later.
 */
export async function logOutAtTelegram(
  db: DbOrTx,
  manager: ConnectionManager,
  sessionId: string,
): Promise<LogoutOutcome> {
  try {
    await manager.run(db, sessionId, (client) => client.invoke(new Api.auth.LogOut()), {
      method: "auth.LogOut",
      keepAlive: false,
    });
    return { done: true };
  } catch (error) {
    if (error instanceof SessionUnavailableError)
      return error.reason === "revoked" ? { done: true } : { done: false, code: "NOT_FOUND" };
    if (error instanceof VaultDecryptError) return { done: false, code: "DECRYPT_FAILED" };
    if (error instanceof SessionBusyError) return { done: false, code: "BUSY" };
    if (error instanceof FloodWaitActiveError) return { done: false, code: "FLOOD_WAIT" };
    const failure = classifyTelegramError(error);
    return failure.kind === "terminal" ? { done: true } : { done: false, code: failure.code };
  }
}
