import { getDb } from "@/db";
import { decodeSessionCursor } from "@/db/queries/session-cursor";
import { listSessions } from "@/db/queries/sessions";
import { rootCause } from "@/db/errors";
import { toApiError } from "@/lib/api/to-api-error";
import { log } from "@/lib/log";
import { toSessionItem, type SessionItem } from "@/lib/api/schemas/sessions";
import type { SessionListAddress } from "./session-list-params";

const sessionPageSize = 50;

export type LoadedSessionPage =
  | { ok: true; items: SessionItem[]; nextCursor: string | null; cursors: string[]; loadedAt: number }
  | { ok: false; failure: string };

/**
 * One page of the list for the server-rendered page, with the same query the API runs. A cursor the address
 * carries that is not from this sort (an edited or stale link) starts the list at page 1 again.
 */
export async function loadSessionPage(address: SessionListAddress): Promise<LoadedSessionPage> {
  const { status, q, sort, order } = address;
  const cursor = address.cursors.length ? decodeSessionCursor(address.cursors.at(-1) ?? "") : undefined;
  const valid = cursor === undefined || (cursor !== null && cursor.sort === sort && cursor.order === order);
  try {
    const page = await listSessions(await getDb(), {
      statuses: status ? [status] : undefined,
      q: q.trim() || undefined,
      sort,
      order,
      cursor: valid ? (cursor ?? undefined) : undefined,
      limit: sessionPageSize,
    });
    return {
      ok: true,
      items: page.rows.map(toSessionItem),
      nextCursor: page.nextCursor,
      cursors: valid ? address.cursors : [],
      loadedAt: Date.now(),
    };
  } catch (error) {
    const failure = toApiError(error);
    if (failure.code === "internal_error")
      log.error({ err: rootCause(error) }, "sessions page could not list sessions");
    return { ok: false, failure: failure.message };
  }
}
