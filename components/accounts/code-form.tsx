"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import type { LoginView } from "@/lib/api/schemas/logins";
import { useCountdown } from "./use-countdown";

const deliveries: Record<string, string> = {
  app: "in the Telegram app on the account's other devices",
  sms: "by SMS",
  call: "by a phone call",
  flash_call: "by a flash call",
  missed_call: "by a missed call (the code is the caller's last digits)",
  email_code: "by email",
  fragment_sms: "through Fragment",
};

type Props = { flow: LoginView; pending: boolean; resending: boolean; onSubmit(code: string): void; onResend(): void };

export function CodeForm({ flow, pending, resending, onSubmit, onResend }: Props) {
  const [code, setCode] = useState("");
  const resendIn = useCountdown(flow.resendAvailableAt);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(code);
  };
  const how = deliveries[flow.codeType ?? ""] ?? "by Telegram";
  return (
    <form onSubmit={submit} className="space-y-4">
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        Telegram sent a {flow.codeLength ? `${flow.codeLength}-digit ` : ""}code to <strong>{flow.phoneMasked}</strong>{" "}
        {how}.
      </p>
      <Input
        label="Login code"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]*"
        required
        autoFocus
        value={code}
        onChange={(event) => setCode(event.target.value.replace(/\D/g, ""))}
        hint={`${flow.attemptsLeft} ${flow.attemptsLeft === 1 ? "try" : "tries"} left.`}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" pending={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </Button>
        <Button variant="secondary" onClick={onResend} pending={resending} disabled={resendIn > 0}>
          {resendIn > 0
            ? `Send again in ${resendIn} s`
            : flow.nextCodeType
              ? `Send again ${deliveries[flow.nextCodeType] ?? ""}`.trim()
              : "Send again"}
        </Button>
      </div>
    </form>
  );
}
