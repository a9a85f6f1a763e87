"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { NavItem } from "./nav-items";

export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <ul className="flex gap-1 overflow-x-auto md:flex-col">
      {items.map((item) => {
        const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={current ? "page" : undefined}
              className="block whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium text-zinc-700 hover:bg-zinc-200/70 aria-[current=page]:bg-sky-100 aria-[current=page]:text-sky-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:aria-[current=page]:bg-sky-950 dark:aria-[current=page]:text-sky-200"
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
