"use client";

import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";

type Props = { phone: string; onPhone(phone: string): void; error?: string; pending: boolean; onSubmit(): void };

export function PhoneForm({ phone, onPhone, error, pending, onSubmit }: Props) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} className="space-y-4">
      <Input
        label="Phone number"
        name="phone"
        type="tel"
        inputMode="tel"
        autoComplete="off"
        required
        autoFocus
        placeholder="+99966 2 1111"
        hint="International format with the country code. Telegram sends the login code to this account."
        error={error}
        value={phone}
        onChange={(event) => onPhone(event.target.value)}
      />
      <Button type="submit" pending={pending}>
        {pending ? "Asking Telegram…" : "Send code"}
      </Button>
    </form>
  );
}
