"use client";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { FormAlert } from "../_ui/form-alert";
import { NewPasswordFields } from "../_ui/new-password-fields";
import { useFormAction } from "../_ui/use-form-action";
import { changePasswordAction } from "./actions";

export function ChangePasswordForm({ email }: { email: string }) {
  const { state, pending, onSubmit, errors } = useFormAction(changePasswordAction);
  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormAlert message={state.message} />
      {/* Lets password managers file the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <Input
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        error={errors.currentPassword}
      />
      <NewPasswordFields
        name="newPassword"
        label="New password"
        repeatLabel="Repeat the new password"
        errors={{ password: errors.newPassword, confirmPassword: errors.confirmPassword }}
      />
      <Button type="submit" pending={pending} className="w-full">
        {pending ? "Changing the password…" : "Change password"}
      </Button>
    </form>
  );
}
