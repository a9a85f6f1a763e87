import { Input } from "@/components/ui/field";

/** A new password and the same again, as newPasswordSchema checks them; the repeat is always `confirmPassword`. */
export function NewPasswordFields({
  name,
  label,
  repeatLabel,
  errors,
}: {
  name: string;
  label: string;
  repeatLabel: string;
  errors: { password?: string; confirmPassword?: string };
}) {
  return (
    <>
      <Input
        name={name}
        label={label}
        type="password"
        autoComplete="new-password"
        required
        error={errors.password}
        hint="At least 12 characters."
      />
      <Input
        name="confirmPassword"
        label={repeatLabel}
        type="password"
        autoComplete="new-password"
        required
        error={errors.confirmPassword}
      />
    </>
  );
}
