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
        description="Every change made in the console or through the API, and every refused attempt, newest first."
      />
      <AuditLog />
    </>
  );
}
