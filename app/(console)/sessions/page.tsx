import type { Metadata } from "next";
import { loadSessionPage } from "@/components/sessions/load-session-page";
import { SessionList } from "@/components/sessions/session-list";
import { readSessionListAddress } from "@/components/sessions/session-list-params";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/guard";
import { refreshSessionPage } from "./actions";

export const metadata: Metadata = { title: "Sessions" };

type SearchParams = Record<string, string | string[] | undefined>;

function toSearch(params: SearchParams): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) for (const one of [value ?? []].flat()) search.append(key, one);
  return search;
}

/** The first page is rendered here, so the table arrives with the HTML instead of after a request from the browser. */
export default async function SessionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const member = await requirePage();
  const address = readSessionListAddress(toSearch(await searchParams));
  const page = await loadSessionPage(address);
  return (
    <>
      <PageHeader
        title="Sessions"
        description="Every Telegram session the console keeps, with its health: state, age, last use, failures and rate limits. Updates live."
      />
      <SessionList address={address} page={page} canManage={member.role === "admin"} refresh={refreshSessionPage} />
    </>
  );
}
