import { findSessionDetail } from "@/db/queries/sessions";
import { apiRoute } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas/common";
import { toSessionItem, type CheckReply, checkReply } from "@/lib/api/schemas/sessions";
import { notFound } from "@/lib/errors/domain";
import { checkSession } from "@/lib/health/check";

/**
 * Checks the session now, as the monitor would, and answers its state after the check. Telegram's answer
 * (even a flood wait) is a result; 404 for no such session, 409 while another process holds it.
 */
export const POST = apiRoute(
  {
    summary: "Check a session now",
    response: checkReply,
    role: "admin",
    params: idParams,
    transaction: "manual",
    audit: { action: "session.check", target: ({ params }) => params.id },
  },
  async ({ db, params, commit }): Promise<CheckReply> => {
    const { sessionId: _, status: __, ...check } = await checkSession(db, params.id, { commit });
    const row = await findSessionDetail(db, params.id);
    if (!row) throw notFound("The session");
    return { ...toSessionItem(row), check };
  },
);
