"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { auditActions } from "@/lib/audit/actions";
import type { AuditFilters } from "./use-audit";

/** Filters apply on submit, so typing does not fire a request per keystroke. */
export function AuditFiltersForm({ value, onChange }: { value: AuditFilters; onChange(filters: AuditFilters): void }) {
  const [draft, setDraft] = useState(value);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ actor: draft.actor.trim(), action: draft.action.trim() });
  };
  const clear = () => {
    setDraft({ actor: "", action: "" });
    onChange({ actor: "", action: "" });
  };
  return (
    <form
      onSubmit={submit}
      role="search"
      aria-label="Filter the audit log"
      className="flex flex-wrap items-start gap-3"
    >
      <Input
        label="Actor"
        value={draft.actor}
        onChange={(e) => setDraft({ ...draft, actor: e.target.value })}
        placeholder="email or token:name"
        hint="Exact match"
        className="min-w-56 flex-1"
      />
      <Input
        label="Action"
        list="audit-actions"
        value={draft.action}
        onChange={(e) => setDraft({ ...draft, action: e.target.value })}
        placeholder="e.g. team_member.update"
        hint="Exact match"
        className="min-w-56 flex-1"
      />
      <datalist id="audit-actions">
        {auditActions.map((action) => (
          <option key={action} value={action} />
        ))}
      </datalist>
      <div className="mt-6 flex gap-2">
        <Button type="submit" variant="secondary">
          Apply
        </Button>
        {value.actor || value.action ? (
          <Button variant="ghost" onClick={clear}>
            Clear
          </Button>
        ) : null}
      </div>
    </form>
  );
}
