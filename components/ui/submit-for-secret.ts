import type { FormEvent } from "react";
import type { UseMutationResult } from "@tanstack/react-query";

/**
 * A form submit whose answer carries a secret shown once: the caller shows it, and the mutation is reset
 * so TanStack Query's cache does not keep it.
 */
export function submitForSecret<Vars, Result>(
  mutation: UseMutationResult<Result, Error, Vars>,
  vars: Vars,
  onResult: (result: Result) => void,
) {
  return (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(vars, {
      onSuccess: (result) => {
        mutation.reset();
        onResult(result);
      },
    });
  };
}
