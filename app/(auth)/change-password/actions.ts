"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { changePassword, changePasswordSchema } from "@/lib/auth/sign-in";
import { requireSignedIn } from "@/lib/auth/guard";
import { signInPath, clearSessionCookie } from "@/lib/auth/cookies";
import { requestMeta } from "@/lib/audit";
import { fieldErrorsOf, type FormState } from "../_ui/form-state";

export type ChangePasswordField = "currentPassword" | "newPassword" | "confirmPassword";

export async function changePasswordAction(
  _previous: FormState<ChangePasswordField>,
  formData: FormData,
): Promise<FormState<ChangePasswordField>> {
  const member = await requireSignedIn();
  const parsed = changePasswordSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success)
    return { message: "Check the highlighted fields.", fieldErrors: fieldErrorsOf<ChangePasswordField>(parsed.error) };
  const outcome = await changePassword(await getDb(), member, parsed.data, requestMeta(await headers()));
  if (outcome.kind === "throttled") {
    return { message: `Too many wrong passwords. Try again in ${Math.ceil(outcome.retryAfter / 60)} minutes.` };
  }
  if (outcome.kind === "wrong_password")
    return { fieldErrors: { currentPassword: "This is not your current password." } };
  // The change ended every session, this one too: sign in again with the new password.
  await clearSessionCookie();
  redirect(`${signInPath}?notice=password-changed`);
}
