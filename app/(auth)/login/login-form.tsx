"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { FormAlert } from "../_ui/form-alert";
import { requestSignIn } from "./sign-in-request";

export function LoginForm({ callbackPath, notice }: { callbackPath: string; notice: string | null }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const outcome = await requestSignIn(
        String(form.get("email") ?? ""),
        String(form.get("password") ?? ""),
        callbackPath,
      );
      if (outcome.kind === "signed_in") {
        // A full navigation, so every server component renders with the new cookie; stays busy until then.
        window.location.assign(outcome.path);
        return;
      }
      setError(outcome.message);
    } catch {
      setError("The console could not be reached. Check your connection and try again.");
    }
    setPending(false);
  }

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormAlert message={error ?? notice} tone={error ? "error" : "info"} />
      <Input name="email" label="Email" type="email" autoComplete="username" required autoFocus />
      <Input name="password" label="Password" type="password" autoComplete="current-password" required />
      <Button type="submit" pending={pending} className="w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
