import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { SandboxBanner } from "@/components/shell/sandbox-banner";
import { requirePage } from "@/lib/auth/guard";
import { sandboxMode } from "@/lib/telegram/target";
import { Providers } from "../providers";

/**
 * Signed-in members only. No loading boundary may sit above this layout or the admin one: a redirect or 403
 * must happen before streaming starts. Every page also calls requirePage, as client navigation skips layouts.
 */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const member = await requirePage();
  return (
    <Providers>
      <AppShell member={{ email: member.email, role: member.role }} banner={sandboxMode() ? <SandboxBanner /> : null}>
        {children}
      </AppShell>
    </Providers>
  );
}
