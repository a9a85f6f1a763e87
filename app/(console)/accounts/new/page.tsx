import type { Metadata } from "next";
import { AddAccountWizard } from "@/components/accounts/add-account-wizard";
import { DemoNumbers } from "@/components/accounts/demo-numbers";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/guard";
import { sandboxMode } from "@/lib/telegram/target";

export const metadata: Metadata = { title: "Add account" };

export default async function AddAccountPage() {
  await requirePage("admin");
  return (
    <>
      <PageHeader
        title="Add a Telegram account"
        description="Log an account in here on the server. The session it produces is stored encrypted and never shown to anyone."
      />
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <AddAccountWizard />
        {sandboxMode() ? <DemoNumbers /> : null}
      </div>
    </>
  );
}
