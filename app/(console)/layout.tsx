import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requirePage } from "@/lib/auth/guard";
import { Providers } from "../providers";

/**
 * Signed-in members only. No loading boundary may sit above this layout or the admin one: a redirect or 403
 * must happen before streaming starts. Every page also calls requirePage, as client navigation skips layouts.
 */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const member = await requirePage();
  return (
    <Providers>
      <AppShell member={{ email: member.email, role: member.role }}>{children}</AppShell>
    </Providers>
  );
}
