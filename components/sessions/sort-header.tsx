import Link from "next/link";
import type { ReactNode } from "react";
import type { SessionSort } from "@/db/queries/session-sort";
import { Th } from "@/components/ui/table";
import { sessionListSearch, sortedBy, type SessionListParams } from "./session-list-params";

type Props = { column: SessionSort; params: SessionListParams; children: ReactNode };

/** A column header that links to the list sorted by it (page 1); screen readers hear the current order through aria-sort. */
export function SortHeader({ column, params, children }: Props) {
  const active = column === params.sort;
  return (
    <Th
      aria-sort={active ? (params.order === "asc" ? "ascending" : "descending") : "none"}
      className="whitespace-nowrap"
    >
      <Link
        href={`/sessions${sessionListSearch(sortedBy(params, column))}`}
        prefetch={false}
        replace
        scroll={false}
        className="inline-flex items-center gap-1 rounded uppercase tracking-wide hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-sky-600 dark:hover:text-zinc-100"
      >
        {children}
        <span aria-hidden="true" className={active ? "text-sky-700 dark:text-sky-400" : "opacity-30"}>
          {active && params.order === "asc" ? "▲" : "▼"}
        </span>
      </Link>
    </Th>
  );
}
