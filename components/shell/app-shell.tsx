import type { ReactNode } from "react";
import type { Role } from "@/db/schema/users";
import { SignOutButton } from "@/lib/auth/sign-out-button";
import { Badge } from "@/components/ui/badge";
import { NavLinks } from "./nav-links";
import { navItems } from "./nav-items";
import { Untrusted } from "@/components/ui/untrusted";
import { untrustedText } from "@/components/format";

type Props = {
  member: { email: string; role: Role };
  /** Notices above every page, such as the sandbox-mode banner. */
  banner?: ReactNode;
  children: ReactNode;
};

/** The console frame: a skip link, the sidebar (a top bar on narrow screens) and the page. */
export function AppShell({ member, banner, children }: Props) {
  const items = navItems.filter((item) => item.role === "viewer" || member.role === "admin");
  return (
    <div className="min-h-screen md:flex">
      <a
        href="#content"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:shadow dark:focus:bg-zinc-900"
      >
        Skip to content
      </a>
      <aside className="flex flex-col gap-4 border-b border-zinc-200 bg-zinc-100/60 p-4 md:sticky md:top-0 md:h-screen md:w-60 md:shrink-0 md:border-b-0 md:border-r dark:border-zinc-800 dark:bg-zinc-900/60">
        <p className="px-3 text-sm font-semibold tracking-tight">Telegram Session Console</p>
        <nav aria-label="Main">
          <NavLinks items={items} />
        </nav>
        <div className="flex items-center justify-between gap-2 border-t border-zinc-200 pt-4 md:mt-auto md:flex-col md:items-start dark:border-zinc-800">
          <div className="min-w-0 px-3">
            <p className="truncate text-sm" title={untrustedText(member.email)}>
              <Untrusted text={member.email} />
            </p>
            <Badge tone={member.role === "admin" ? "info" : "neutral"}>{member.role}</Badge>
          </div>
          <SignOutButton />
        </div>
      </aside>
      <div className="min-w-0 flex-1">
        {banner ? <div className="px-4 pt-4 md:px-8">{banner}</div> : null}
        <main id="content" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 md:px-8 md:py-8">
          {children}
        </main>
      </div>
    </div>
  );
}
