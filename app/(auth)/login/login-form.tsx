"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { FormAlert } from "../_ui/form-alert";
import { requestFactorStep, requestSignIn, type SignInOutcome } from "./sign-in-request";

export function LoginForm({ callbackPath, notice }: { callbackPath: string; notice: string | null }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [ticket, setTicket] = useState<string | null>(null);
  const [method, setMethod] = useState<"totp" | "recovery">("totp");

  async function submit(event: FormEvent<HTMLFormElement>, send: (form: FormData) => Promise<SignInOutcome>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const outcome = await send(form);
      if (outcome.kind === "signed_in") {
        // A full navigation, so every server component renders with the new cookie; stays busy until then.
        window.location.assign(outcome.path);
        return;
      }
      if (outcome.kind === "second_factor") setTicket(outcome.ticket);
      else setError(outcome.message);
    } catch {
      setError("The console could not be reached. Check your connection and try again.");
    }
    setPending(false);
  }

  if (ticket) {
    const recovery = method === "recovery";
    return (
      <form
        method="post"
        onSubmit={(event) =>
          submit(event, (form) =>
            requestFactorStep(ticket, { method, code: String(form.get("code") ?? "") }, callbackPath),
          )
        }
        className="space-y-4"
        noValidate
      >
        <FormAlert message={error} tone="error" />
        <Input
          key={method}
          name="code"
          label={recovery ? "Recovery code" : "Code from your authenticator app"}
          autoComplete="one-time-code"
          inputMode={recovery ? "text" : "numeric"}
          required
          autoFocus
        />
        <Button type="submit" pending={pending} className="w-full">
          {pending ? "Checking…" : "Verify"}
        </Button>
        <button
          type="button"
          className="text-sm text-zinc-600 underline dark:text-zinc-300"
          onClick={() => {
            setMethod(recovery ? "totp" : "recovery");
            setError(null);
          }}
        >
          {recovery ? "Use the authenticator app" : "Use a recovery code"}
        </button>
      </form>
    );
  }

  return (
    <form
      method="post"
      onSubmit={(event) =>
        submit(event, (form) =>
          requestSignIn(String(form.get("email") ?? ""), String(form.get("password") ?? ""), callbackPath),
        )
      }
      className="space-y-4"
      noValidate
    >
      <FormAlert message={error ?? notice} tone={error ? "error" : "info"} />
      <Input name="email" label="Email" type="email" autoComplete="username" required autoFocus />
      <Input name="password" label="Password" type="password" autoComplete="current-password" required />
      <Button type="submit" pending={pending} className="w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
