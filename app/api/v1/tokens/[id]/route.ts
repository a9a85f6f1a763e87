import { revokeApiToken } from "@/db/queries/api-tokens";
import { apiRoute } from "@/lib/api/handler";
import { notFound } from "@/lib/errors/domain";
import { idParams } from "@/lib/api/schemas/common";
import { revokedToken } from "@/lib/api/schemas/tokens";

/** Revokes a token: the next request carrying it gets 401. */
export const DELETE = apiRoute(
  {
    summary: "Revoke an API token",
    response: revokedToken,
    role: "admin",
    params: idParams,
    audit: { action: "api_token.revoke", target: ({ params }) => params.id },
  },
  async ({ db, params, note }) => {
    const revoked = await revokeApiToken(db, params.id);
    if (!revoked) throw notFound("The token");
    note({ target: revoked.name, detail: { id: revoked.id } });
    return { id: revoked.id, revokedAt: revoked.revokedAt.toISOString() };
  },
);
