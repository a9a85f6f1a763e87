"use client";

import { useFormStatus } from "react-dom";
import { signOutAction } from "./sign-out-action";

const defaultClassName =
  "rounded-md px-3 py-2 text-sm font-medium text-zinc-700 hover:bg-zinc-100 disabled:opacity-60 dark:text-zinc-200 dark:hover:bg-zinc-800";

/** A form button that signs the member out (a POST server action, never a GET link). */
export function SignOutButton({ className = defaultClassName }: { className?: string }) {
  return (
    <form action={signOutAction}>
      <SignOutSubmit className={className} />
    </form>
  );
}

function SignOutSubmit({ className }: { className: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} disabled={pending} aria-busy={pending}>
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
