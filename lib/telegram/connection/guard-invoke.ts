import type { Api, TelegramClient } from "telegram";
import type { DbOrTx } from "@/db";
import { withDeadline } from "../deadline";
import { classifyTelegramError } from "../errors";
import { FloodWaitActiveError } from "./errors";
import type { FloodLedger } from "./flood-ledger";
import type { Semaphore } from "./semaphore";

export type InvokeGuard = {
  sessionId: string;
  db(): DbOrTx;
  ledger: FloodLedger;
  limiter: Semaphore;
  timeoutMs: number;
  /** Called when a request failed below the RPC layer: the connection should not be reused. */
  onBroken(): void;
};

// A short flood wait is slept through and the request sent again, at most this many times.
const floodRetries = 2;

/**
 * Routes every request of this client (including GramJS's own, like updates.getState) through the flood
 * ledger, the process-wide concurrency limit and a deadline. Failures come out as TelegramFailure.
 */
export function guardInvoke(client: TelegramClient, guard: InvokeGuard): void {
  const original = client.invoke.bind(client);
  const guarded = async (request: Api.AnyRequest, dcId?: number): Promise<unknown> => {
    const method = request.className;
    for (let attempt = 0; ; attempt++) {
      await guard.ledger.gate(method);
      try {
        return await guard.limiter.use(() => withDeadline(original(request, dcId), guard.timeoutMs));
      } catch (error) {
        const failure = classifyTelegramError(error);
        if (failure.kind === "transient") guard.onBroken();
        if (failure.kind !== "flood") throw failure;
        const short = await guard.ledger.record(guard.db(), method, failure.seconds ?? 60);
        const until = guard.ledger.waitUntil(method) ?? new Date();
        if (!short || attempt >= floodRetries) throw new FloodWaitActiveError(guard.sessionId, method, until);
      }
    }
  };
  client.invoke = guarded as TelegramClient["invoke"];
}
