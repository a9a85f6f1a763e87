import type { Role } from "@/db/schema/users";

export type NavItem = { href: string; label: string; role: Role };

/** The sidebar, in order; viewers see only what they may open. */
export const navItems: NavItem[] = [
  { href: "/overview", label: "Overview", role: "viewer" },
  { href: "/sessions", label: "Sessions", role: "viewer" },
  { href: "/accounts/new", label: "Add account", role: "admin" },
  { href: "/accounts/import", label: "Import sessions", role: "admin" },
  { href: "/alerts", label: "Alerts", role: "viewer" },
  { href: "/audit", label: "Audit", role: "admin" },
  { href: "/team", label: "Team", role: "admin" },
  { href: "/settings", label: "Settings", role: "admin" },
  { href: "/security", label: "Security", role: "viewer" },
];
