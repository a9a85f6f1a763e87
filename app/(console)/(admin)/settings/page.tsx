import type { Metadata } from "next";
import { RotationPolicySection } from "@/components/session-actions/rotation-policy-section";
import { SecondFactorPolicySection } from "@/components/security/second-factor-policy";
import { TokenManager } from "@/components/tokens/token-manager";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requirePage("admin");
  return (
    <>
      <PageHeader title="Settings" />
      <TokenManager />
      <RotationPolicySection />
      <SecondFactorPolicySection />
    </>
  );
}
