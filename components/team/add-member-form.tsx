"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { submitForSecret } from "@/components/ui/submit-for-secret";
import { ApiRequestError } from "@/lib/api/client-fetch";
import type { AddedMember, MemberItem } from "@/lib/api/schemas/team";
import { useAddMember } from "./use-team";

export function AddMemberForm({ onAdded }: { onAdded(result: AddedMember): void }) {
  const add = useAddMember();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<MemberItem["role"]>("viewer");
  const error = add.error instanceof ApiRequestError ? add.error : undefined;

  const submit = submitForSecret(add, { email, role }, (result) => {
    setEmail("");
    onAdded(result);
  });

  return (
    <form
      onSubmit={submit}
      aria-labelledby="add-member-title"
      className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <h2 id="add-member-title" className="text-base font-semibold">
        Add a member
      </h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        They get a temporary password, shown once, and choose their own at first sign-in.
      </p>
      <div className="mt-4 flex flex-wrap items-start gap-3">
        <Input
          label="Email"
          type="email"
          required
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={error?.fields.email}
          className="min-w-64 flex-1"
        />
        <Select
          label="Role"
          value={role}
          onChange={(e) => setRole(e.target.value as MemberItem["role"])}
          error={error?.fields.role}
        >
          <option value="viewer">Viewer</option>
          <option value="admin">Admin</option>
        </Select>
        <Button type="submit" pending={add.isPending} className="mt-6">
          {add.isPending ? "Adding…" : "Add member"}
        </Button>
      </div>
      {add.error && !error?.fields.email ? (
        <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-400">
          {add.error.message}
        </p>
      ) : null}
    </form>
  );
}
