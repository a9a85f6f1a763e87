"use client";

import { useState, type FormEvent } from "react";
import { needsStepUp, StepUpForm } from "@/components/security/step-up-form";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { FormCard } from "@/components/ui/form-card";
import { submitForSecret } from "@/components/ui/submit-for-secret";
import { ApiRequestError } from "@/lib/api/client-fetch";
import type { CreatedToken, TokenItem } from "@/lib/api/schemas/tokens";
import { useCreateToken } from "./use-tokens";

const expiryChoices = ["7", "30", "90", "365"];

export function CreateTokenForm({ onCreated }: { onCreated(created: CreatedToken): void }) {
  const create = useCreateToken();
  const [name, setName] = useState("");
  const [scope, setScope] = useState<TokenItem["scope"]>("read");
  const [expiry, setExpiry] = useState("90");
  const [methods, setMethods] = useState("");
  const [sessionIds, setSessionIds] = useState("");
  const [lease, setLease] = useState(false);
  const [revokeOnPasswordChange, setRevokeOnPasswordChange] = useState(false);
  const fields = create.error instanceof ApiRequestError ? create.error.fields : {};

  const expiresInDays = expiry === "never" ? undefined : Number(expiry);
  const list = (text: string) => text.split(/[\s,]+/).filter(Boolean);
  const use =
    scope === "use"
      ? {
          methods: list(methods),
          sessions: list(sessionIds).length ? { ids: list(sessionIds) } : undefined,
          lease,
        }
      : {};
  const submit = submitForSecret(create, { name, scope, expiresInDays, revokeOnPasswordChange, ...use }, (created) => {
    setName("");
    onCreated(created);
  });

  const stepUp = needsStepUp(create.error);

  return (
    <>
      {stepUp ? (
        <StepUpForm
          onProved={async () => submit(new Event("submit") as unknown as FormEvent)}
          onCancel={() => create.reset()}
        />
      ) : null}
      <FormCard
        title="Create a token"
        heading="h3"
        error={
          stepUp || fields.name || fields.scope || fields.expiresInDays || fields.methods
            ? undefined
            : create.error?.message
        }
        onSubmit={submit}
      >
        <Input
          label="Name"
          required
          maxLength={80}
          value={name}
          onChange={(e) => setName(e.target.value)}
          hint="What uses it, e.g. “CI deploy”."
          error={fields.name}
          className="min-w-64 flex-1"
        />
        <Select
          label="Scope"
          value={scope}
          onChange={(e) => setScope(e.target.value as TokenItem["scope"])}
          error={fields.scope}
          hint={
            scope === "admin"
              ? "Can change sessions, team and tokens."
              : scope === "use"
                ? "Can only call Telegram through the console."
                : "Can only read."
          }
        >
          <option value="read">Read</option>
          <option value="admin">Admin</option>
          <option value="use">Use sessions</option>
        </Select>
        {scope === "use" ? (
          <>
            <Input
              label="Methods"
              required
              value={methods}
              onChange={(e) => setMethods(e.target.value)}
              hint="GramJS names, comma-separated; * matches the rest (messages.Get*)."
              error={fields.methods ?? fields["methods.0"]}
              className="min-w-64 flex-1"
            />
            <Input
              label="Sessions"
              value={sessionIds}
              onChange={(e) => setSessionIds(e.target.value)}
              hint="Session ids, comma-separated; empty: every session."
              error={fields["sessions.ids.0"]}
              className="min-w-64 flex-1"
            />
            <label className="mt-6 flex items-center gap-2 text-sm">
              <input type="checkbox" checked={lease} onChange={(e) => setLease(e.target.checked)} />
              May take leases
            </label>
          </>
        ) : null}
        <Select
          label="Expires"
          value={expiry}
          onChange={(e) => setExpiry(e.target.value)}
          error={fields.expiresInDays}
          hint={expiry === "never" ? "Works until revoked." : "Stops working by itself then."}
        >
          {expiryChoices.map((days) => (
            <option key={days} value={days}>
              In {days} days
            </option>
          ))}
          <option value="never">Never</option>
        </Select>
        <label className="mt-6 flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={revokeOnPasswordChange}
            onChange={(e) => setRevokeOnPasswordChange(e.target.checked)}
          />
          Revoke when I change my password
        </label>
        <Button type="submit" pending={create.isPending} className="mt-6">
          {create.isPending ? "Creating…" : "Create token"}
        </Button>
      </FormCard>
    </>
  );
}
