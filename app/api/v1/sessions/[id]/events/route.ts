import { listSessionEvents } from "@/db/queries/session-events";
import { sessionExists } from "@/db/queries/sessions";
import { apiRoute } from "@/lib/api/handler";
import { notFound } from "@/lib/errors/domain";
import { idParams } from "@/lib/api/schemas/common";
import {
  sessionEventItem,
  sessionEventsQuery,
  type SessionEventPageBody,
  sessionEventPage,
} from "@/lib/api/schemas/session-events";

/** A session's timeline, newest first; `kind` narrows it (e.g. `check` for the history bar). */
export const GET = apiRoute(
  {
    summary: "The session's events, newest first",
    response: sessionEventPage,
    role: "viewer",
    params: idParams,
    query: sessionEventsQuery,
  },
  async ({ db, params, query }): Promise<SessionEventPageBody> => {
    if (!(await sessionExists(db, params.id))) throw notFound("The session");
    const page = await listSessionEvents(db, params.id, {
      cursor: query.cursor,
      kinds: query.kind,
      limit: query.limit,
    });
    return { items: page.items.map(sessionEventItem), nextCursor: page.nextCursor };
  },
);
