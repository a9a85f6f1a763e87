"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import type { LoginView } from "@/lib/api/schemas/logins";

export function LoginDone({ flow, onAnother }: { flow: LoginView; onAnother(): void }) {
  const others = flow.otherSessions ?? 0;
  const name = flow.accountName || "the account";
  const notice = useRef<HTMLDivElement>(null);
  // The form that had focus is gone: focus moves to the outcome, so keyboard and screen-reader users land on it.
  useEffect(() => notice.current?.focus(), []);
  return (
    <div className="space-y-4">
      <div
        ref={notice}
        tabIndex={-1}
        role="status"
        className="rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-900 outline-none focus-visible:ring-2 focus-visible:ring-emerald-600 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100"
      >
        <p className="font-semibold">Account added: {name}</p>
        <p className="mt-1">
          The session is stored encrypted and the health monitor will watch it.
          {others > 0
            ? ` This account already had ${others} other session${others === 1 ? "" : "s"} in the console; this one was added beside ${others === 1 ? "it" : "them"}.`
            : ""}
        </p>
      </div>
      <div className="flex flex-wrap gap-3">
        {flow.sessionId ? (
          <Link href={`/sessions/${flow.sessionId}`} className={buttonClasses("primary")}>
            Open {name}
          </Link>
        ) : null}
        <Link href="/sessions" className={buttonClasses("secondary")}>
          Go to sessions
        </Link>
        <Button variant="secondary" onClick={onAnother}>
          Add another account
        </Button>
      </div>
    </div>
  );
}
