import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requirePage } from "@/lib/auth/guard";
import { Providers } from "../providers";

/** Every console page also calls requirePage itself: a layout does not re-run on client navigation. */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const member = await requirePage();
  return (
    <Providers>
      <AppShell member={{ email: member.email, role: member.role }}>{children}</AppShell>
    </Providers>
  );
}
