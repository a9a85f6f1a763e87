import { listSessions } from "@/db/queries/sessions";
import { apiRoute } from "@/lib/api/handler";
import { sessionListQuery, type SessionPageBody, sessionPage } from "@/lib/api/schemas/sessions";
import { toSessionItem } from "@/lib/api/schemas/sessions";

/** The sessions list: filter by `status` (comma list) and `q`, sort, and pass `nextCursor` back as `cursor`. */
export const GET = apiRoute(
  { summary: "List sessions: filter, sort and page", response: sessionPage, role: "viewer", query: sessionListQuery },
  async ({ db, query }): Promise<SessionPageBody> => {
    const { status, ...filter } = query;
    const page = await listSessions(db, { ...filter, statuses: status });
    return { items: page.rows.map(toSessionItem), nextCursor: page.nextCursor };
  },
);
