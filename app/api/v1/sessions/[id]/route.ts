import { findSessionDetail } from "@/db/queries/sessions";
import { apiRoute } from "@/lib/api/handler";
import { notFound } from "@/lib/errors/domain";
import { idParams } from "@/lib/api/schemas/common";
import { toSessionDetail, type SessionDetail, sessionDetail } from "@/lib/api/schemas/sessions";

export const GET = apiRoute(
  { summary: "Read one session", response: sessionDetail, role: "viewer", params: idParams },
  async ({ db, params }): Promise<SessionDetail> => {
    const row = await findSessionDetail(db, params.id);
    if (!row) throw notFound("The session");
    return toSessionDetail(row);
  },
);
