import { apiRoute } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas/common";
import { invokeBody, invokeReply } from "@/lib/api/schemas/invoke";
import { invokerOf } from "@/lib/auth/use-grant";
import { connectionManager } from "@/lib/telegram/connection/manager";
import { invokeOnSession, type InvokeReply } from "@/lib/telegram/invoke/invoke";

/**
 * Runs one Telegram method on the session's own connection: `{method, params}` → `{result}` (TL objects as JSON,
 * class name in `_`). 403 telegram_method_forbidden (never allowed) or telegram_method_not_allowed (not in the
 * token's allowlist), 400 for params that do not fit, 429 with Retry-After during a long flood wait, 422
 * telegram_refused with telegramError, 409 while the session is busy elsewhere or not usable. Each call is in the
 * call log; a success writes no audit row (the call log is its record), a refusal does.
 */
export const POST = apiRoute(
  {
    summary: "Run one Telegram method on the session's own connection",
    response: invokeReply,
    role: "admin",
    use: true,
    params: idParams,
    body: invokeBody,
    transaction: "manual",
    audit: {
      action: "session.invoke",
      target: ({ params }) => params.id,
      detail: ({ body }) => ({ method: body.method }),
    },
  },
  async ({ db, params, body, actor, note }): Promise<InvokeReply> => {
    const call = { method: body.method, params: body.params ?? {} };
    const reply = await invokeOnSession({ db, manager: connectionManager() }, params.id, call, invokerOf(actor));
    note({ quiet: true });
    return reply;
  },
);
