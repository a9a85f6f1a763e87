"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";

export function PhoneForm({ pending, onSubmit }: { pending: boolean; onSubmit(phone: string): void }) {
  const [phone, setPhone] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(phone);
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
        value={phone}
        onChange={(event) => setPhone(event.target.value)}
      />
      <Button type="submit" pending={pending}>
        {pending ? "Asking Telegram…" : "Send code"}
      </Button>
    </form>
  );
}
