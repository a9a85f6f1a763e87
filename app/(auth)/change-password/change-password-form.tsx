"use client";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { FormAlert } from "../_ui/form-alert";
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
      <Input
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        error={errors.newPassword}
        hint="At least 12 characters."
      />
      <Input
        name="confirmPassword"
        label="Repeat the new password"
        type="password"
        autoComplete="new-password"
        required
        error={errors.confirmPassword}
      />
      <Button type="submit" pending={pending} className="w-full">
        {pending ? "Changing the password…" : "Change password"}
      </Button>
    </form>
  );
}
