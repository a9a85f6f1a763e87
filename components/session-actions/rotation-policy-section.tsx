"use client";

import { useState, type FormEvent } from "react";
import { Banner } from "@/components/ui/banner";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { ApiRequestError } from "@/lib/api/client-fetch";
import type { RotationPolicyView } from "@/lib/api/schemas/settings";
import { useRotationPolicy, useSaveRotationPolicy } from "./use-rotation-policy";

/** The settings page's automatic rotation policy (admins only: the page and the API check it). */
export function RotationPolicySection() {
  const policy = useRotationPolicy();
  return (
    <section aria-labelledby="rotation-policy-title" className="mt-10 space-y-4">
      <div>
        <h2 id="rotation-policy-title" className="text-lg font-semibold">
          Automatic rotation
        </h2>
        <p className="mt-1 max-w-prose text-sm text-zinc-600 dark:text-zinc-400">
          Rotate sessions older than a number of days: a new key replaces each one and the old key is logged out.
          Sessions in a flood wait are skipped, and accounts with a two-step verification password are left for an admin
          to rotate by hand.
        </p>
      </div>
      {policy.isError ? (
        <Banner tone="danger" title="The rotation policy could not be loaded">
          {policy.error.message}
        </Banner>
      ) : null}
      {policy.data ? (
        <PolicyForm initial={policy.data} />
      ) : (
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          Loading…
        </p>
      )}
    </section>
  );
}

function PolicyForm({ initial }: { initial: RotationPolicyView }) {
  const save = useSaveRotationPolicy();
  const [draft, setDraft] = useState({
    enabled: initial.enabled,
    maxAgeDays: String(initial.maxAgeDays),
    maxConcurrent: String(initial.maxConcurrent),
  });
  const fields = save.error instanceof ApiRequestError ? save.error.fields : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      enabled: draft.enabled,
      maxAgeDays: Number(draft.maxAgeDays),
      maxConcurrent: Number(draft.maxConcurrent),
    });
  };
  return (
    <form
      onSubmit={submit}
      className="space-y-4 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <label className="flex items-center gap-2 text-sm font-medium">
        <input
          type="checkbox"
          checked={draft.enabled}
          onChange={(e) => setDraft({ ...draft, enabled: e.target.checked })}
        />
        Rotate sessions automatically
      </label>
      <div className="flex flex-wrap gap-3">
        <Input
          label="Rotate sessions older than (days)"
          type="number"
          min={1}
          max={3650}
          required
          value={draft.maxAgeDays}
          onChange={(e) => setDraft({ ...draft, maxAgeDays: e.target.value })}
          error={fields.maxAgeDays}
        />
        <Input
          label="At most this many at a time"
          type="number"
          min={1}
          max={50}
          required
          value={draft.maxConcurrent}
          onChange={(e) => setDraft({ ...draft, maxConcurrent: e.target.value })}
          error={fields.maxConcurrent}
        />
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" pending={save.isPending}>
          {save.isPending ? "Saving…" : "Save rotation policy"}
        </Button>
        <span role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          {save.isSuccess ? "Saved." : null}
          {save.error && !Object.keys(fields).length ? (
            <span className="text-red-700 dark:text-red-400">{save.error.message}</span>
          ) : null}
        </span>
      </div>
    </form>
  );
}
