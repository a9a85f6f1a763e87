import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas/common";
import { toRotateReply, type RotateReply, rotateReply } from "@/lib/api/schemas/sessions";
import { requesterOf } from "@/lib/revocation/revoke";
import { rotateSession } from "@/lib/rotation/rotate";
import { connectionManager } from "@/lib/telegram/connection/manager";
import { loadKeyRing } from "@/lib/vault";

const rotateBody = z.object({ password: z.string().min(1, "Enter the password.").max(256).optional() }).strict();

/**
 * Mints a new authorization from this session and swaps it in; the old key is logged out. The body is optional:
 * none or `{}` starts a rotation, `{password}` answers a 422 password_required. 200 {newSessionId},
 * 422 password_required {fields.hint} for a 2FA account (send the password next), 409 while busy or revoking.
 */
export const POST = apiRoute(
  {
    summary: "Replace the session with a fresh authorization",
    response: rotateReply,
    role: "admin",
    params: idParams,
    body: rotateBody,
    optionalBody: true,
    transaction: "manual",
    audit: { action: "session.rotate", target: ({ params }) => params.id },
  },
  async ({ db, params, body, actor, commit, note }): Promise<RotateReply> => {
    const deps = { db, ring: loadKeyRing(), manager: connectionManager(), requester: requesterOf(actor), commit };
    const rotated = await rotateSession(deps, params.id, { password: body.password });
    note({ detail: rotated });
    return toRotateReply(params.id, rotated);
  },
);
