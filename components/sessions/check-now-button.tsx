"use client";

import { Button } from "@/components/ui/button";
import { ApiRequestError } from "@/lib/api/client-fetch";
import type { CheckReply } from "@/lib/api/schemas/sessions";
import { useCheckNow } from "./use-session-detail";

function outcome({ check, status }: CheckReply): string {
  if (check.result === "skipped") return `Not checked: a ${status} session is never checked.`;
  const code = check.errorCode ? ` (${check.errorCode})` : "";
  return `Checked: ${check.result}${code}; the session is ${status}.`;
}

/** Admins only: runs a health check at once instead of waiting for the schedule. */
export function CheckNowButton({ sessionId }: { sessionId: string }) {
  const check = useCheckNow(sessionId);
  const error = check.error;
  return (
    <div className="flex flex-col items-end gap-1">
      <Button onClick={() => check.mutate()} pending={check.isPending}>
        {check.isPending ? "Checking…" : "Check now"}
      </Button>
      <p role="status" className="max-w-xs text-right text-xs text-zinc-600 dark:text-zinc-400">
        {check.data ? outcome(check.data) : null}
        {error ? (
          <span className="text-red-700 dark:text-red-400">
            {error.message}
            {error instanceof ApiRequestError && error.retryAfterSeconds
              ? ` Try again in ${error.retryAfterSeconds} s.`
              : ""}
          </span>
        ) : null}
      </p>
    </div>
  );
}
