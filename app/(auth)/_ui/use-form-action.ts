"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import type { FormState } from "./form-state";

/**
 * Runs a server action from a form without React's automatic reset after it, so a refused submission
 * keeps what was typed (the server never echoes secrets back to refill it).
 */
export function useFormAction<F extends string>(
  action: (previous: FormState<F>, formData: FormData) => Promise<FormState<F>>,
) {
  const [state, dispatch, pending] = useActionState(action, {} as FormState<F>);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  }
  const errors: Partial<Record<F, string>> = state.fieldErrors ?? {};
  return { state, pending, onSubmit, errors };
}
