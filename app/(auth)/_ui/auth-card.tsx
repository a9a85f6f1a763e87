import type { ReactNode } from "react";

/** The centred panel every sign-in page sits in. */
export function AuthCard({
  title,
  description,
  children,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm rounded-xl border border-zinc-200 bg-white p-8 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        <p className="text-xs font-semibold uppercase tracking-wider text-sky-700 dark:text-sky-400">
          Telegram Session Console
        </p>
        <h1 className="mt-2 text-xl font-semibold">{title}</h1>
        {description ? <div className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{description}</div> : null}
        <div className="mt-6">{children}</div>
      </div>
    </main>
  );
}
