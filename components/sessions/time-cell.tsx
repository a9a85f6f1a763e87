import { formatDateTime, formatRelative } from "@/components/format";

type Props = { iso: string | null; now: number; fallback?: string; formatTitle?: (iso: string) => string };

/** A moment shown relative to now ("5 min ago"), the exact date in a tooltip and in `dateTime`. */
export function RelativeTime({ iso, now, fallback = "Never", formatTitle = formatDateTime }: Props) {
  if (!iso) return <span className="text-zinc-500 dark:text-zinc-400">{fallback}</span>;
  return (
    <time dateTime={iso} title={formatTitle(iso)} className="whitespace-nowrap">
      {formatRelative(iso, now)}
    </time>
  );
}
