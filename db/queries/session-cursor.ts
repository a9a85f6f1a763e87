import { z } from "zod";
import { isValidSortKey, sessionSorts, type SessionSort, type SortOrder } from "./session-sort";

/** Where a page of the sessions list ends: its sort, and the last row's sort key (exact text) and id. */
export type SessionCursor = { sort: SessionSort; order: SortOrder; key: string | null; id: string };

const cursorShape = z.object({
  sort: z.enum(sessionSorts),
  order: z.enum(["asc", "desc"]),
  key: z.string().max(64).nullable(),
  id: z.uuid(),
});

/** Opaque to clients: base64url JSON. */
export function encodeSessionCursor(cursor: SessionCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

export function decodeSessionCursor(text: string): SessionCursor | null {
  try {
    const parsed = cursorShape.safeParse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    if (!parsed.success) return null;
    const { key, sort } = parsed.data;
    return key === null || isValidSortKey(sort, key) ? parsed.data : null;
  } catch {
    return null;
  }
}
