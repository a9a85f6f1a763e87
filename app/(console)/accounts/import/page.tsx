import type { Metadata } from "next";
import { ImportSessions } from "@/components/import/import-sessions";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Import sessions" };

export default async function ImportSessionsPage() {
  await requirePage("admin");
  return (
    <>
      <PageHeader
        title="Import sessions"
        description="Bring in sessions made elsewhere: strings from a bot's settings, .session files or a Telegram Desktop folder. Each key is stored encrypted and never shown again."
      />
      <ImportSessions />
    </>
  );
}
