import type { Metadata } from "next";
import { AddAccountWizard } from "@/components/accounts/add-account-wizard";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/guard";
import { sandboxMode } from "@/lib/telegram/target";
import { describeDemoAccounts } from "@/sandbox/demo";

export const metadata: Metadata = { title: "Add account" };

export default async function AddAccountPage() {
  await requirePage("admin");
  return (
    <>
      <PageHeader
        title="Add a Telegram account"
        description="Log an account in here on the server. The session it produces is stored encrypted and never shown to anyone."
      />
      <AddAccountWizard demos={sandboxMode() ? describeDemoAccounts() : null} />
    </>
  );
}
