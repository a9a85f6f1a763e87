"use client";

import { Field } from "../_ui/field";
import { FormAlert } from "../_ui/form-alert";
import { SubmitButton } from "../_ui/submit-button";
import { useFormAction } from "../_ui/use-form-action";
import { setupAction } from "./actions";

export function SetupForm() {
  const { state, pending, onSubmit, errors } = useFormAction(setupAction);
  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormAlert message={state.message} />
      <Field
        name="setupToken"
        label="Setup token"
        autoComplete="off"
        spellCheck={false}
        required
        error={errors.setupToken}
        hint="Printed in the server log when this page was first opened."
      />
      <Field name="email" label="Admin email" type="email" autoComplete="username" required error={errors.email} />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        error={errors.password}
        hint="At least 12 characters."
      />
      <Field
        name="confirmPassword"
        label="Repeat the password"
        type="password"
        autoComplete="new-password"
        required
        error={errors.confirmPassword}
      />
      <SubmitButton pending={pending} pendingLabel="Creating the admin…">
        Create the first admin
      </SubmitButton>
    </form>
  );
}
