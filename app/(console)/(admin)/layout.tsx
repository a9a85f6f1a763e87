import type { ReactNode } from "react";
import { requirePage } from "@/lib/auth/guard";

/**
 * Admin pages. This check runs before any streaming starts (no loading boundary sits above it), so a
 * viewer gets a real 403 status; each page checks again because client navigation skips shared layouts.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requirePage("admin");
  return children;
}
