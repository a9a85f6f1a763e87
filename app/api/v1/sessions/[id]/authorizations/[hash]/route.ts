import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { terminateAuthorization } from "@/lib/reconcile/reconcile";
import { terminatedReply } from "@/lib/api/schemas/authorizations";

const params = z.object({
  id: z.uuid("Not a valid id."),
  hash: z.string().regex(/^-?\d{1,20}$/, "Not a device hash."),
});

/** Ends one foreign device of the account through this session. 409 for a console session, 422 within Telegram's 24-hour rule. */
export const DELETE = apiRoute(
  {
    summary: "End one foreign device of the session's account",
    response: terminatedReply,
    role: "admin",
    params,
    transaction: "manual",
    audit: {
      action: "telegram_authorization.terminate",
      target: ({ params: p }) => p.id,
      detail: ({ params: p }) => ({ hash: p.hash }),
    },
  },
  ({ db, params: p }) => terminateAuthorization(db, p.id, p.hash),
);
