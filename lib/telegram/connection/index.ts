import type { TelegramClient } from "telegram";
import type { DbOrTx } from "@/db";
import { isRevokePending } from "@/db/queries/revocations";
import { SessionUnavailableError } from "./errors";
import { connectionManager } from "./manager";

export { ConnectionManager, connectionManager } from "./manager";
export { FloodWaitActiveError, SessionBusyError, SessionUnavailableError } from "./errors";
export { TelegramFailure } from "../errors";

/**
 * Runs `work` with the session's connected client: takes the session's lease (SessionBusyError when another
 * process holds it), honours the flood ledger (FloodWaitActiveError; short waits are slept through), connects
 * with bounded backoff, updates lastUsedAt, then keeps the client idle for TELEGRAM_IDLE_SECONDS.
 * Every request of `client` goes through this session's queue, the ledger and a deadline; Telegram's
 * failures come out as TelegramFailure. `options.method` names the method `work` calls, so a long flood
 * wait refuses the work before connecting. `db` must not be an open transaction. A revoke_pending session is
 * refused (SessionUnavailableError): only its logout (lib/revocation, through the manager) may use it.
 */
export async function withSessionClient<T>(
  db: DbOrTx,
  sessionId: string,
  work: (client: TelegramClient) => Promise<T>,
  options: { method?: string } = {},
): Promise<T> {
  if (await isRevokePending(db, sessionId)) throw new SessionUnavailableError(sessionId, "revoked");
  return connectionManager().run(db, sessionId, (client) => work(client), options);
}
