"use client";

import type { ReactNode } from "react";
import type { SessionSort, SortOrder } from "@/db/queries/session-sort";
import { Th } from "@/components/ui/table";

type Props = { column: SessionSort; sort: SessionSort; order: SortOrder; onSort(column: SessionSort): void; children: ReactNode };

/** A column header that sorts the list; screen readers hear the current order through aria-sort. */
export function SortHeader({ column, sort, order, onSort, children }: Props) {
  const active = column === sort;
  return (
    <Th aria-sort={active ? (order === "asc" ? "ascending" : "descending") : "none"} className="whitespace-nowrap">
      <button
        type="button"
        onClick={() => onSort(column)}
        className="inline-flex items-center gap-1 rounded uppercase tracking-wide hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-sky-600 dark:hover:text-zinc-100"
      >
        {children}
        <span aria-hidden="true" className={active ? "text-sky-700 dark:text-sky-400" : "opacity-30"}>
          {active && order === "asc" ? "▲" : "▼"}
        </span>
      </button>
    </Th>
  );
}
