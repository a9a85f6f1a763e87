import type { Metadata } from "next";
import { Banner } from "@/components/ui/banner";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Add account" };

export default async function AddAccountPage() {
  await requirePage("admin");
  return (
    <>
      <PageHeader title="Add a Telegram account" description="Log a Telegram user account in, so the console can keep and watch its session." />
      <Banner tone="info" title="Telegram login is not available yet">
        <p>
          Logging an account in (phone number, login code, two-step password, or QR code) arrives together with the sandbox DC,
          a local Telegram test server the console can log into safely. Until then there is nothing to add here.
        </p>
      </Banner>
    </>
  );
}
