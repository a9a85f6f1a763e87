import type { Metadata } from "next";
import { AuditLog } from "@/components/audit/audit-log";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Audit" };

export default async function AuditPage() {
  await requirePage("admin");
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Newest first: every change made in the console, through the API, by background work (system) or on the command line (cli); every sign-in, sign-out and password change; and actions refused to a signed-in member or API token. Not recorded: reads, requests without valid credentials (401), cross-site requests (CSRF), throttled sign-ins and server errors."
      />
      <AuditLog />
    </>
  );
}
