/** The form's overall message, in a live region so screen readers announce it when it changes. */
export function FormAlert({ message, tone = "error" }: { message?: string | null; tone?: "error" | "info" }) {
  const colours =
    tone === "error"
      ? "border-red-200 bg-red-50 text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
      : "border-sky-200 bg-sky-50 text-sky-900 dark:border-sky-900 dark:bg-sky-950 dark:text-sky-100";
  return (
    <div aria-live={tone === "error" ? "assertive" : "polite"} role={tone === "error" ? "alert" : "status"}>
      {message ? <p className={`rounded-md border px-3 py-2 text-sm ${colours}`}>{message}</p> : null}
    </div>
  );
}
