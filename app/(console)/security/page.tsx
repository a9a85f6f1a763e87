import type { Metadata } from "next";
import { SecondFactors } from "@/components/security/second-factors";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Security" };

/** The signed-in member's own sign-in protection: second factors and recovery codes. */
export default async function SecurityPage() {
  await requirePage("viewer");
  return (
    <>
      <PageHeader title="Security" description="Protect your sign-in with a second factor." />
      <SecondFactors />
    </>
  );
}
