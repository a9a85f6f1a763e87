const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** A timestamp for tables; `fallback` when there is none. Used in client components, so the browser's zone applies. */
export function formatDateTime(iso: string | null, fallback = "Never"): string {
  return iso ? dateTime.format(new Date(iso)) : fallback;
}
