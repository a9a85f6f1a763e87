"use client";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { FormAlert } from "../_ui/form-alert";
import { useFormAction } from "../_ui/use-form-action";
import { setupAction } from "./actions";

export function SetupForm() {
  const { state, pending, onSubmit, errors } = useFormAction(setupAction);
  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormAlert message={state.message} />
      <Input
        name="setupToken"
        label="Setup token"
        autoComplete="off"
        spellCheck={false}
        required
        error={errors.setupToken}
        hint="Printed in the server log when this page was first opened."
      />
      <Input name="email" label="Admin email" type="email" autoComplete="username" required error={errors.email} />
      <Input
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        error={errors.password}
        hint="At least 12 characters."
      />
      <Input
        name="confirmPassword"
        label="Repeat the password"
        type="password"
        autoComplete="new-password"
        required
        error={errors.confirmPassword}
      />
      <Button type="submit" pending={pending} className="w-full">
        {pending ? "Creating the admin…" : "Create the first admin"}
      </Button>
    </form>
  );
}
