"use client";

import { ApiRequestError } from "@/lib/api/client-fetch";
import { useCountdown } from "./use-countdown";

/** The API's sentence for a failed step; a flood wait counts down until another try is allowed. */
export function LoginError({ error }: { error: unknown }) {
  const retryAt =
    error instanceof ApiRequestError && error.retryAfterSeconds
      ? error.receivedAt + error.retryAfterSeconds * 1000
      : null;
  const left = useCountdown(retryAt ? new Date(retryAt) : null);
  if (!error) return null;
  const message = error instanceof Error ? error.message : "Something went wrong.";
  return (
    <div
      role="alert"
      className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <p>{message}</p>
      {left > 0 ? <p className="mt-1 font-medium">You can try again in {left} s.</p> : null}
    </div>
  );
}
