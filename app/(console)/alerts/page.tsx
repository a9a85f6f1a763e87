import type { Metadata } from "next";
import { AlertChannels } from "@/components/alerts/alert-channels";
import { DeliveryLog } from "@/components/alerts/delivery-log";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Alerts" };

/** Alert channels and their delivery log; viewers see names, kinds and outcomes, admins manage them. */
export default async function AlertsPage() {
  const member = await requirePage("viewer");
  const canManage = member.role === "admin";
  return (
    <>
      <PageHeader
        title="Alerts"
        description="Who is told when a session needs attention: signed webhooks, Slack, Discord and email, each delivered at least once and retried for a day."
      />
      <div className="space-y-10">
        <AlertChannels canManage={canManage} />
        <DeliveryLog canManage={canManage} />
      </div>
    </>
  );
}
