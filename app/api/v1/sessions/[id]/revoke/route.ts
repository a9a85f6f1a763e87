import { apiRoute } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas/common";
import { toRevokeReply, type RevokeReply, revokeReply } from "@/lib/api/schemas/sessions";
import { requesterOf, revokeSession } from "@/lib/revocation/revoke";

/**
 * Logs the session out at Telegram and destroys its key: {status:"revoked"}, or {status:"revoke_pending"}
 * when Telegram cannot be reached now (retried automatically). 409 when already revoked or being rotated.
 */
export const POST = apiRoute(
  {
    summary: "Log a session out at Telegram and destroy its key",
    response: revokeReply,
    role: "admin",
    params: idParams,
    transaction: "manual",
    audit: { action: "session.revoke", target: ({ params }) => params.id },
  },
  async ({ db, params, actor, commit, note }): Promise<RevokeReply> => {
    const revocation = await revokeSession(db, params.id, requesterOf(actor), commit);
    const reply = toRevokeReply(params.id, revocation);
    note({ detail: { result: reply.status, ...(reply.lastError ? { errorCode: reply.lastError } : {}) } });
    return reply;
  },
);
