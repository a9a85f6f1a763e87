import type { SessionSort, SortOrder } from "@/db/queries/session-sort";
import type { SessionStatus } from "@/db/schema/telegram-sessions";
import { sessionStatuses } from "./status-labels";

/** What the list shows, all of it in the address: filters, sort and the cursors of the pages walked so far. */
export type SessionListParams = { status: SessionStatus | ""; q: string; sort: SessionSort; order: SortOrder };
export type SessionListAddress = SessionListParams & { cursors: string[] };

/** The order a column starts in when first clicked: the most telling rows first. */
export const firstOrder: Record<SessionSort, SortOrder> = {
  created: "desc",
  lastUsed: "desc",
  lastCheck: "desc",
  status: "desc",
  latency: "desc",
  expiry: "asc",
};

const defaults: SessionListParams = { status: "", q: "", sort: "created", order: "desc" };
const maxCursors = 50;

/** Reads the address leniently: anything unknown falls back to the default view. */
export function readSessionListParams(search: URLSearchParams): SessionListParams {
  const status = search.get("status") ?? "";
  const sort = search.get("sort") ?? "";
  const order = search.get("order");
  return {
    status: (sessionStatuses as string[]).includes(status) ? (status as SessionStatus) : "",
    q: search.get("q")?.slice(0, 100) ?? "",
    sort: Object.hasOwn(firstOrder, sort) ? (sort as SessionSort) : defaults.sort,
    order: order === "asc" || order === "desc" ? order : defaults.order,
  };
}

export function readSessionListAddress(search: URLSearchParams): SessionListAddress {
  return { ...readSessionListParams(search), cursors: search.getAll("cursor").slice(-maxCursors) };
}

/** The query string of a view; defaults are left out, and any change of filter or sort starts at page 1. */
export function sessionListSearch(view: SessionListParams & { cursors?: string[] }): string {
  const query = new URLSearchParams();
  for (const key of ["status", "q", "sort", "order"] as const) {
    if (view[key] !== defaults[key]) query.set(key, view[key]);
  }
  for (const cursor of view.cursors ?? []) query.append("cursor", cursor);
  const text = query.toString();
  return text ? `?${text}` : "";
}

/** The view a click on a column header leads to: that column, flipped if it is already the sort. */
export function sortedBy({ status, q, sort, order }: SessionListParams, column: SessionSort): SessionListParams {
  return { status, q, sort: column, order: column === sort ? (order === "asc" ? "desc" : "asc") : firstOrder[column] };
}
