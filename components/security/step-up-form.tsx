"use client";

import { useState, type FormEvent } from "react";
import { Banner } from "@/components/ui/banner";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { apiFetch, ApiRequestError } from "@/lib/api/client-fetch";

/** Whether an action was refused until the second factor is proved again. */
export const needsStepUp = (error: unknown) => error instanceof ApiRequestError && error.code === "step_up_required";

/** Asks for the second factor again before a sensitive action (answered `step_up_required`), then retries it. */
export function StepUpForm({ onProved, onCancel }: { onProved(): Promise<void>; onCancel(): void }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "");
    setPending(true);
    setError(null);
    try {
      await apiFetch("/api/v1/account/step-up", { method: "POST", body: { proof: { method: "totp", code } } });
      await onProved();
    } catch (failure) {
      setError((failure as Error).message);
    }
    setPending(false);
  }

  return (
    <Banner tone="warning" title="Confirm it is you">
      <form onSubmit={submit} className="mt-2 space-y-3">
        {error ? <p role="alert">{error}</p> : null}
        <Input name="code" label="Code from your authenticator app" autoComplete="one-time-code" required autoFocus />
        <div className="flex gap-3">
          <Button type="submit" pending={pending}>
            Confirm
          </Button>
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        </div>
      </form>
    </Banner>
  );
}

/**
 * Runs actions that may be refused with `step_up_required`: such an action waits behind the StepUpForm (`prompt`,
 * to render) and runs again once the factor is proved. `error` holds any other refusal's message.
 */
export function useStepUp() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [retry, setRetry] = useState<(() => Promise<void>) | null>(null);

  async function run(action: () => Promise<void>) {
    setPending(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      if (needsStepUp(failure)) setRetry(() => action);
      else setError((failure as Error).message);
    }
    setPending(false);
  }

  const prompt = retry ? (
    <StepUpForm
      onProved={async () => {
        const action = retry;
        setRetry(null);
        await run(action);
      }}
      onCancel={() => setRetry(null)}
    />
  ) : null;
  return { run, pending, error, prompt };
}
