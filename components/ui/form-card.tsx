"use client";

import { useId, type FormEventHandler, type ReactNode } from "react";
import { ActionError } from "./action-error";

/** A titled form in a card: its fields and submit button in one wrapping row, then an error no field shows. */
export function FormCard({
  title,
  heading: Heading = "h2",
  description,
  error,
  onSubmit,
  children,
}: {
  title: string;
  heading?: "h2" | "h3";
  description?: ReactNode;
  error?: string;
  onSubmit: FormEventHandler<HTMLFormElement>;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <form
      onSubmit={onSubmit}
      aria-labelledby={titleId}
      className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <Heading id={titleId} className="text-base font-semibold">
        {title}
      </Heading>
      {description ? <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{description}</p> : null}
      <div className="mt-4 flex flex-wrap items-start gap-3">{children}</div>
      <ActionError message={error} />
    </form>
  );
}
