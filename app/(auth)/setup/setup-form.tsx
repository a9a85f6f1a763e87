"use client";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { FormAlert } from "../_ui/form-alert";
import { NewPasswordFields } from "../_ui/new-password-fields";
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
      <NewPasswordFields name="password" label="Password" repeatLabel="Repeat the password" errors={errors} />
      <Button type="submit" pending={pending} className="w-full">
        {pending ? "Creating the admin…" : "Create the first admin"}
      </Button>
    </form>
  );
}
