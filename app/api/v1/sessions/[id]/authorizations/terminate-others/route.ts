import { apiRoute } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas/common";
import { terminateOthers } from "@/lib/reconcile/reconcile";
import { terminatedOthersReply } from "@/lib/api/schemas/authorizations";

/** Ends every other device of the account, the console's other sessions of it included (they become invalid). */
export const POST = apiRoute(
  {
    summary: "End every other device of the account",
    response: terminatedOthersReply,
    role: "admin",
    params: idParams,
    transaction: "manual",
    audit: { action: "telegram_authorization.terminate_others", target: ({ params }) => params.id },
  },
  async ({ db, params, note }) => {
    const result = await terminateOthers(db, params.id);
    note({ detail: result });
    return result;
  },
);
