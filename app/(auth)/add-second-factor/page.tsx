import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SecondFactors } from "@/components/security/second-factors";
import { changePasswordPath } from "@/lib/auth/cookies";
import { requireSignedIn } from "@/lib/auth/guard";
import { SignOutButton } from "@/lib/auth/sign-out-button";
import { Providers } from "../../providers";
import { AuthCard } from "../_ui/auth-card";

export const metadata: Metadata = { title: "Add a second factor" };

/** Where an admin without a second factor is sent while the policy requires one; open to any signed-in member. */
export default async function AddSecondFactorPage() {
  const member = await requireSignedIn();
  if (member.mustChangePassword) redirect(changePasswordPath);
  return (
    <AuthCard
      title="Add a second factor"
      description={
        <p>
          {member.mustEnrolFactor
            ? "Admins of this console sign in with a second factor. Add an authenticator app before you continue."
            : "Your sign-in is protected by a second factor."}
        </p>
      }
    >
      <Providers>
        <SecondFactors />
      </Providers>
      <div className="mt-4 flex items-center justify-center gap-4">
        <Link href="/" className="text-sm underline">
          Continue to the console
        </Link>
        <SignOutButton />
      </div>
    </AuthCard>
  );
}
