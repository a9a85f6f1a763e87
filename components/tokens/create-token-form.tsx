"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { submitForSecret } from "@/components/ui/submit-for-secret";
import { ApiRequestError } from "@/lib/api/client-fetch";
import type { CreatedToken, TokenItem } from "@/lib/api/schemas/tokens";
import { useCreateToken } from "./use-tokens";

export function CreateTokenForm({ onCreated }: { onCreated(created: CreatedToken): void }) {
  const create = useCreateToken();
  const [name, setName] = useState("");
  const [scope, setScope] = useState<TokenItem["scope"]>("read");
  const fields = create.error instanceof ApiRequestError ? create.error.fields : {};

  const submit = submitForSecret(create, { name, scope }, (created) => {
    setName("");
    onCreated(created);
  });

  return (
    <form
      onSubmit={submit}
      aria-labelledby="create-token-title"
      className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <h3 id="create-token-title" className="text-base font-semibold">
        Create a token
      </h3>
      <div className="mt-4 flex flex-wrap items-start gap-3">
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
          hint={scope === "admin" ? "Can change sessions, team and tokens." : "Can only read."}
        >
          <option value="read">Read</option>
          <option value="admin">Admin</option>
        </Select>
        <Button type="submit" pending={create.isPending} className="mt-6">
          {create.isPending ? "Creating…" : "Create token"}
        </Button>
      </div>
      {create.error && !fields.name && !fields.scope ? (
        <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-400">
          {create.error.message}
        </p>
      ) : null}
    </form>
  );
}
