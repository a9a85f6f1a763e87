import { errors, type TelegramClient } from "telegram";
import { env } from "@/lib/env";
import { connectClient, createTelegramClient } from "@/lib/telegram/client";
import { withDeadline } from "@/lib/telegram/deadline";
import { classifyTelegramError } from "@/lib/telegram/errors";

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
