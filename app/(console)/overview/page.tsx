import type { Metadata } from "next";
import { Overview } from "@/components/sessions/overview";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  await requirePage();
  return (
    <>
      <PageHeader
        title="Overview"
        description="How many sessions are in each state, and the ones that need someone to look at them. Updates live."
      />
      <Overview />
    </>
  );
}
