import type { Metadata } from "next";
import { TeamManager } from "@/components/team/team-manager";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage() {
  const member = await requirePage("admin");
  return (
    <>
      <PageHeader
        title="Team"
        description="Who can sign in to the console. Admins manage sessions and the team; viewers watch health pages."
      />
      <TeamManager currentMemberId={member.id} />
    </>
  );
}
