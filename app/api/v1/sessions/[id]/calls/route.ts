import { listSessionCalls } from "@/db/queries/session-calls";
import { sessionExists } from "@/db/queries/sessions";
import { apiRoute } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas/common";
import { sessionCallItem, sessionCallsQuery, type SessionCallItem, sessionCallList } from "@/lib/api/schemas/invoke";
import { notFound } from "@/lib/errors/domain";

/** The session's latest calls through invoke, newest first (never their parameters). */
export const GET = apiRoute(
  {
    summary: "The session's recent invoke calls",
    response: sessionCallList,
    role: "viewer",
    params: idParams,
    query: sessionCallsQuery,
  },
  async ({ db, params, query }): Promise<{ items: SessionCallItem[] }> => {
    if (!(await sessionExists(db, params.id))) throw notFound("The session");
    return { items: (await listSessionCalls(db, params.id, query.limit)).map(sessionCallItem) };
  },
);
