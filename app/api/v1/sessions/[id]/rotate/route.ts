import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { ApiError } from "@/lib/api/errors";
import { readCappedBody } from "@/lib/api/parse-input";
import { idParams } from "@/lib/api/schemas/common";
import { requesterOf } from "@/lib/revocation/revoke";
import { rotationApiError } from "@/lib/rotation/api-errors";
import { rotateSession, type RotateResult } from "@/lib/rotation/rotate";
import { connectionManager } from "@/lib/telegram/connection/manager";
import { loadKeyRing } from "@/lib/vault";

const rotateBody = z.object({ password: z.string().min(1, "Enter the password.").max(256).optional() }).strict();

/** The body is optional: `{}` or none starts a rotation, `{password}` answers a 422 password_required. */
async function readBody(request: Request): Promise<z.infer<typeof rotateBody>> {
  const text = await readCappedBody(request);
  const parsed = rotateBody.safeParse(text.trim() ? JSON.parse(text) : {});
  if (!parsed.success) throw new ApiError(400, "invalid_input", 'Send {} or {"password": "…"}.');
  return parsed.data;
}

/**
 * Mints a new authorization from this session and swaps it in; the old key is logged out. 200 {newSessionId},
 * 422 password_required {fields.hint} for a 2FA account (send the password next), 409 while busy or revoking.
 */
export const POST = apiRoute(
  {
    role: "admin",
    params: idParams,
    transaction: "manual",
    audit: { action: "session.rotate", target: ({ params }) => params.id },
  },
  async ({ db, params, actor, request, commit, note }): Promise<RotateResult> => {
    const { password } = await readBody(request).catch((error: unknown) => {
      throw error instanceof ApiError
        ? error
        : new ApiError(400, "invalid_input", "The request body is not valid JSON.");
    });
    const deps = { db, ring: loadKeyRing(), manager: connectionManager(), requester: requesterOf(actor), commit };
    try {
      const result = await rotateSession(deps, params.id, { password });
      note({ detail: { newSessionId: result.newSessionId, oldSessionStatus: result.oldSessionStatus } });
      return result;
    } catch (error) {
      throw rotationApiError(error);
    }
  },
);
