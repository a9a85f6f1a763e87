"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { EmailTakenError } from "@/db/queries/users";
import { signInPath } from "@/lib/auth/cookies";
import { requestMeta } from "@/lib/audit";
import { createFirstAdmin, setupSchema } from "@/lib/auth/setup";
import { fieldErrorsOf, type FormState } from "../_ui/form-state";

export type SetupField = "setupToken" | "email" | "password" | "confirmPassword";

/** The first-run form: no member exists yet, so the setup token from the server log is the credential. */
export async function setupAction(
  _previous: FormState<SetupField>,
  formData: FormData,
): Promise<FormState<SetupField>> {
  const parsed = setupSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success)
    return { message: "Check the highlighted fields.", fieldErrors: fieldErrorsOf<SetupField>(parsed.error) };
  try {
    const outcome = await createFirstAdmin(await getDb(), parsed.data, requestMeta(await headers()));
    if (outcome === "invalid_token")
      return { fieldErrors: { setupToken: "This setup token is not valid. Copy it again from the server log." } };
  } catch (error) {
    if (error instanceof EmailTakenError) return { fieldErrors: { email: "A member with this email already exists." } };
    throw error;
  }
  // Created, or set up meanwhile by someone else: either way the way on is signing in.
  redirect(`${signInPath}?notice=setup-done`);
}
