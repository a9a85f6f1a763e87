import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Sessions" };

export default async function SessionsPage() {
  const member = await requirePage();
  return (
    <>
      <PageHeader title="Sessions" description="Every Telegram session the console keeps, with its health: state, age, last use, failures and rate limits." />
      <EmptyState
        title="No Telegram sessions yet"
        action={member.role === "admin" ? <Link href="/accounts/new" className={buttonClasses()}>Add an account</Link> : undefined}
      >
        {member.role === "admin" ? (
          <p>Add a Telegram account to create its first session. The console runs the login steps on the server and keeps the session encrypted.</p>
        ) : (
          <p>Sessions appear here once an admin adds a Telegram account. Ask an admin of your team to add one.</p>
        )}
      </EmptyState>
    </>
  );
}
