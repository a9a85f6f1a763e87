"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import type { LoginView } from "@/lib/api/schemas/logins";

export function PasswordForm({
  flow,
  pending,
  onSubmit,
}: {
  flow: LoginView;
  pending: boolean;
  onSubmit(password: string): void;
}) {
  const [password, setPassword] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(password);
  };
  return (
    <form onSubmit={submit} className="space-y-4">
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        This account has two-step verification. Enter its cloud password.
        {flow.phoneMasked ? (
          <span className="mt-1 block">
            Signing in <span className="font-mono">{flow.phoneMasked}</span>.
          </span>
        ) : null}
      </p>
      <Input
        label="Two-step verification password"
        name="password"
        type="password"
        autoComplete="off"
        required
        autoFocus
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        hint={flow.passwordHint ? `Hint: ${flow.passwordHint}` : `${flow.attemptsLeft} tries left.`}
      />
      <Button type="submit" pending={pending}>
        {pending ? "Checking…" : "Sign in"}
      </Button>
    </form>
  );
}
