import type { Metadata } from "next";
import { SessionList } from "@/components/sessions/session-list";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Sessions" };

export default async function SessionsPage() {
  const member = await requirePage();
  return (
    <>
      <PageHeader title="Sessions" description="Every Telegram session the console keeps, with its health: state, age, last use, failures and rate limits. Updates live." />
      <SessionList canManage={member.role === "admin"} />
    </>
  );
}
