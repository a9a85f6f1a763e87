"use client";

import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from "react";

const controlClasses =
  "block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 shadow-sm placeholder:text-zinc-400 aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100";

type FieldProps = { label: string; error?: string; hint?: ReactNode; className?: string };

/** What the control itself carries: its id, and its hint and error wired up through aria-describedby. */
type ControlProps = { id: string; "aria-describedby"?: string; "aria-invalid"?: true; className: string };

/** A labelled control with its hint and error. */
function Field({
  label,
  error,
  hint,
  className = "",
  render,
}: FieldProps & { render(control: ControlProps): ReactNode }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-zinc-800 dark:text-zinc-200">
        {label}
      </label>
      {render({
        id,
        "aria-describedby": describedBy,
        "aria-invalid": error ? true : undefined,
        className: controlClasses,
      })}
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="mt-1 text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function Input({ label, error, hint, className, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field
      label={label}
      error={error}
      hint={hint}
      className={className}
      render={(control) => <input {...control} {...input} />}
    />
  );
}

export function Select({
  label,
  error,
  hint,
  className,
  children,
  ...select
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Field
      label={label}
      error={error}
      hint={hint}
      className={className}
      render={(control) => (
        <select {...control} {...select}>
          {children}
        </select>
      )}
    />
  );
}
