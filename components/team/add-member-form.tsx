"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { FormCard } from "@/components/ui/form-card";
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
    <FormCard
      title="Add a member"
      description="They get a temporary password, shown once, and choose their own at first sign-in."
      error={error?.fields.email ? undefined : add.error?.message}
      onSubmit={submit}
    >
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
    </FormCard>
  );
}
