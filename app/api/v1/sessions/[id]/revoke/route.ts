import { apiRoute } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas/common";
import { requesterOf, revokeSession, type RevokeResult } from "@/lib/revocation/revoke";

/**
 * Logs the session out at Telegram and destroys its key: {status:"revoked"}, or {status:"revoke_pending"}
 * when Telegram cannot be reached now (retried automatically). 409 when already revoked or being rotated.
 */
export const POST = apiRoute(
  {
    role: "admin",
    params: idParams,
    transaction: "manual",
    audit: { action: "session.revoke", target: ({ params }) => params.id },
  },
  async ({ db, params, actor, commit, note }): Promise<RevokeResult> => {
    const result = await revokeSession(db, params.id, requesterOf(actor), commit);
    note({ detail: { result: result.status, ...(result.lastError ? { errorCode: result.lastError } : {}) } });
    return result;
  },
);
