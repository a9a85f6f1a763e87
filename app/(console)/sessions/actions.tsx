"use server";

import { unstable_rethrow } from "next/navigation";
import type { ReactNode } from "react";
import { loadSessionPage } from "@/components/sessions/load-session-page";
import { SessionPageView } from "@/components/sessions/session-list";
import { readSessionListAddress } from "@/components/sessions/session-list-params";
import { toApiError } from "@/lib/api/to-api-error";
import { requirePage } from "@/lib/auth/guard";

export type SessionPageRefresh = { ok: true; loadedAt: number; view: ReactNode } | { ok: false; failure: string };

/**
 * The list's live refresh: the page `search` (the address's query string) names, rendered on the server with
 * the page's own guard. A database failure comes back as a message, so the list on screen stays where it is.
 */
export async function refreshSessionPage(search: string): Promise<SessionPageRefresh> {
  let canManage: boolean;
  try {
    canManage = (await requirePage()).role === "admin";
  } catch (error) {
    unstable_rethrow(error); // sign-in redirect, 403
    const failure = toApiError(error);
    return {
      ok: false,
      failure: failure.code === "internal_error" ? "Your sign-in could not be checked." : failure.message,
    };
  }
  const address = readSessionListAddress(new URLSearchParams(search.slice(0, 20_000)));
  const page = await loadSessionPage(address);
  if (!page.ok) return page;
  return {
    ok: true,
    loadedAt: page.loadedAt,
    view: <SessionPageView address={{ ...address, cursors: page.cursors }} page={page} canManage={canManage} />,
  };
}
