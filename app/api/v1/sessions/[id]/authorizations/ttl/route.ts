import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import type { TtlReply } from "@/lib/api/schemas/authorizations";
import { idParams } from "@/lib/api/schemas/common";
import { setAuthorizationTtl } from "@/lib/reconcile/reconcile";
import { ttlReply } from "@/lib/api/schemas/authorizations";

const body = z.object({
  days: z.number("Send the number of days.").int().min(1, "At least 1 day.").max(366, "At most 366 days."),
});

/** Sets after how many days of inactivity Telegram logs the account's devices out. */
export const POST = apiRoute(
  {
    summary: "Set how long Telegram keeps an idle device signed in",
    response: ttlReply,
    role: "admin",
    params: idParams,
    body,
    transaction: "manual",
    audit: {
      action: "telegram_authorization.set_ttl",
      target: ({ params }) => params.id,
      detail: ({ body: b }) => ({ days: b.days }),
    },
  },
  ({ db, params, body: b }): Promise<TtlReply> => setAuthorizationTtl(db, params.id, b.days),
);
