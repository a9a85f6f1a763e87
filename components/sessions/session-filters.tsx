"use client";

import { useEffect, useState } from "react";
import type { SessionStatus } from "@/db/schema/telegram-sessions";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { useSessionListParams } from "./list-params";
import { sessionStatuses, statusLabels } from "./status-labels";

const searchDelayMs = 300;

/** State filter and search, kept in the address; the search applies once typing pauses, not per keystroke. */
export function SessionFilters() {
  const [value, onChange] = useSessionListParams();
  const [draft, setDraft] = useState(value.q);
  // The search this form last sent or saw. When the address says otherwise (Back, a "Clear filters" link), the
  // box shows the address's search; otherwise the pending search would put the old one back.
  const [applied, setApplied] = useState(value.q);
  if (applied !== value.q) {
    setApplied(value.q);
    setDraft(value.q);
  }
  useEffect(() => {
    if (draft.trim() === value.q) return;
    const timer = setTimeout(() => {
      setApplied(draft.trim());
      onChange({ q: draft.trim() });
    }, searchDelayMs);
    return () => clearTimeout(timer);
  }, [draft, value.q, onChange]);
  const filtered = value.status !== "" || value.q !== "";
  return (
    <form
      role="search"
      aria-label="Filter sessions"
      onSubmit={(event) => event.preventDefault()}
      className="flex flex-wrap items-start gap-3"
    >
      <Input
        label="Search"
        type="search"
        value={draft}
        maxLength={100}
        onChange={(event) => setDraft(event.target.value)}
        placeholder="Name, @username, phone or Telegram id"
        className="min-w-64 flex-1"
      />
      <Select
        label="State"
        value={value.status}
        onChange={(event) => onChange({ status: event.target.value as SessionStatus | "" })}
        className="w-44"
      >
        <option value="">All states</option>
        {sessionStatuses.map((status) => (
          <option key={status} value={status}>
            {statusLabels[status]}
          </option>
        ))}
      </Select>
      {filtered ? (
        <Button
          variant="ghost"
          className="mt-6"
          onClick={() => {
            setDraft("");
            setApplied("");
            onChange({ q: "", status: "" });
          }}
        >
          Clear filters
        </Button>
      ) : null}
    </form>
  );
}
