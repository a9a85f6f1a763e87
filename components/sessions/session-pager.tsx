import Link from "next/link";
import { Button, buttonClasses } from "@/components/ui/button";
import { sessionListSearch, type SessionListAddress } from "./session-list-params";

type Props = { address: SessionListAddress; nextCursor: string | null };

/** Previous and Next as links: the address keeps the cursors of the pages walked, so Previous goes back one. */
export function SessionPager({ address, nextCursor }: Props) {
  const page = address.cursors.length + 1;
  const to = (cursors: string[]) => `/sessions${sessionListSearch({ ...address, cursors })}`;
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-3">
      <PageLink href={page > 1 ? to(address.cursors.slice(0, -1)) : null}>Previous page</PageLink>
      <span className="text-sm text-zinc-600 dark:text-zinc-400">Page {page}</span>
      <PageLink href={nextCursor ? to([...address.cursors, nextCursor]) : null}>Next page</PageLink>
    </nav>
  );
}

/** A link, or a disabled button where there is no page to go to (so it is announced as unavailable). */
function PageLink({ href, children }: { href: string | null; children: string }) {
  if (!href)
    return (
      <Button variant="secondary" disabled>
        {children}
      </Button>
    );
  return (
    <Link href={href} prefetch={false} replace scroll={false} className={buttonClasses("secondary")}>
      {children}
    </Link>
  );
}
