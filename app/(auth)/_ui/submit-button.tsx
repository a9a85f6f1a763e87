import type { ReactNode } from "react";

/** The form's submit button; busy and disabled while the form is being sent. */
export function SubmitButton({
  children,
  pendingLabel,
  pending,
}: {
  children: ReactNode;
  pendingLabel: string;
  pending: boolean;
}) {
  return (
    <button
      type="submit"
      disabled={pending}
      aria-busy={pending}
      className="w-full rounded-md bg-sky-700 px-3 py-2 text-sm font-semibold text-white hover:bg-sky-800 disabled:cursor-wait disabled:opacity-70 dark:bg-sky-600 dark:hover:bg-sky-500"
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
