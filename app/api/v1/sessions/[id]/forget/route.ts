import { apiRoute } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas/common";
import type { ForgetReply } from "@/lib/api/schemas/sessions";
import { forgetSession, requesterOf } from "@/lib/revocation/revoke";
import { forgetReply } from "@/lib/api/schemas/sessions";

/** Destroys the key of a session Telegram already refuses (invalid), without calling Telegram. 409 otherwise. */
export const POST = apiRoute(
  {
    summary: "Forget a dead session without calling Telegram",
    response: forgetReply,
    role: "admin",
    params: idParams,
    audit: { action: "session.forget", target: ({ params }) => params.id },
  },
  ({ db, params, actor }): Promise<ForgetReply> => forgetSession(db, params.id, requesterOf(actor)),
);
