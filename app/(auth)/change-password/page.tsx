import type { Metadata } from "next";
import { requireSignedIn } from "@/lib/auth/guard";
import { SignOutButton } from "@/lib/auth/sign-out-button";
import { AuthCard } from "../_ui/auth-card";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Change password" };

/** Open to any signed-in member, and the only page one with a temporary password can open. */
export default async function ChangePasswordPage() {
  const member = await requireSignedIn();
  const description = member.mustChangePassword
    ? "Your password was set by an admin. Choose your own before you continue."
    : "Changing your password signs you out everywhere.";
  return (
    <AuthCard
      title={member.mustChangePassword ? "Choose a new password" : "Change your password"}
      description={<p>{description}</p>}
    >
      <ChangePasswordForm email={member.email} />
      <div className="mt-4 flex justify-center">
        <SignOutButton />
      </div>
    </AuthCard>
  );
}
