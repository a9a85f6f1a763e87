import Link from "next/link";
import type { OverviewBody } from "@/lib/api/schemas/overview";
import { sessionStatuses, statusLabels } from "./status-labels";

const accents: Record<string, string> = {
  active: "border-l-emerald-500",
  degraded: "border-l-amber-500",
  invalid: "border-l-red-500",
  revoke_pending: "border-l-sky-500",
  revoked: "border-l-zinc-400",
  frozen: "border-l-cyan-600",
  banned: "border-l-red-700",
  deactivated: "border-l-red-700",
  trouble: "border-l-amber-500",
};

type Card = { key: string; label: string; count: number; href?: string };

/** One card per state (each opens the filtered list), then the kinds of trouble that cut across states. */
export function StateCards({
  counts,
  expiringWithinDays,
}: {
  counts: OverviewBody["counts"];
  expiringWithinDays: number;
}) {
  const states: Card[] = sessionStatuses.map((status) => ({
    key: status,
    label: statusLabels[status],
    count: counts[status],
    href: `/sessions?status=${status}`,
  }));
  const trouble: Card[] = [
    { key: "trouble", label: "Waiting out a flood", count: counts.floodWaiting },
    {
      key: "trouble",
      label: `Expiring within ${expiringWithinDays} days`,
      count: counts.expiringSoon,
      href: "/sessions?sort=expiry&order=asc",
    },
    { key: "trouble", label: "Cannot be decrypted", count: counts.decryptFailed },
    { key: "trouble", label: "Leases expired, not yet logged out", count: counts.leasesOverdue },
  ];
  return (
    <div className="space-y-3">
      <CardRow title={`Sessions by state (${counts.total} in all)`} cards={states} />
      <CardRow title="Trouble" cards={trouble} />
    </div>
  );
}

function CardRow({ title, cards }: { title: string; cards: Card[] }) {
  return (
    <section aria-label={title}>
      <h2 className="mb-2 text-sm font-semibold text-zinc-700 dark:text-zinc-300">{title}</h2>
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {cards.map((card) => (
          <li key={card.label}>
            <CardBody card={card} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function CardBody({ card }: { card: Card }) {
  const body = (
    <>
      <span className="block text-2xl font-semibold tabular-nums">{card.count}</span>
      <span className="block text-sm text-zinc-600 dark:text-zinc-400">{card.label}</span>
    </>
  );
  const classes = `block rounded-lg border border-l-4 border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900 ${accents[card.key] ?? ""}`;
  return card.href ? (
    <Link
      href={card.href}
      className={`${classes} hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-sky-600 dark:hover:bg-zinc-800`}
    >
      {body}
    </Link>
  ) : (
    <div className={classes}>{body}</div>
  );
}
