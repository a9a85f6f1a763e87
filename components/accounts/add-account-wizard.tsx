"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { LoginView } from "@/lib/api/schemas/logins";
import { CodeForm } from "./code-form";
import { LoginDone } from "./login-done";
import { loginApi } from "./login-api";
import { LoginError } from "./login-error";
import { PasswordForm } from "./password-form";
import { PhoneForm } from "./phone-form";
import { QrPanel } from "./qr-panel";
import { useQrRefresh } from "./use-qr-refresh";

type Method = "phone" | "qr";

/** Phone → code → password, or QR → (password): each step is one call to the login API. */
export function AddAccountWizard() {
  const [method, setMethod] = useState<Method>("phone");
  const [flow, setFlow] = useState<LoginView | null>(null);
  // A refused step can still change the flow (a wrong code uses up a try), so the flow is read again.
  const rereadFlow = () => {
    if (flow) void loginApi.get(flow.id).then(setFlow, () => undefined);
  };
  const step = useMutation({
    mutationFn: (run: () => Promise<LoginView>) => run(),
    onSuccess: setFlow,
    onError: rereadFlow,
  });
  const resend = useMutation({ mutationFn: (id: string) => loginApi.resend(id), onSuccess: setFlow });
  const run = step.mutate;
  const qrError = useQrRefresh(flow, setFlow, rereadFlow);

  const restart = (next: Method = method) => {
    if (flow && ["code", "password", "qr"].includes(flow.step)) void loginApi.cancel(flow.id).catch(() => undefined);
    setFlow(null);
    step.reset();
    resend.reset();
    setMethod(next);
  };

  const busy = step.isPending;
  return (
    <div className="max-w-xl space-y-5">
      {!flow || flow.step === "qr" ? (
        <div role="tablist" aria-label="How to log in" className="flex gap-2">
          {(["phone", "qr"] as const).map((tab) => (
            <Button
              key={tab}
              role="tab"
              variant={method === tab ? "primary" : "ghost"}
              aria-selected={method === tab}
              onClick={() => restart(tab)}
            >
              {tab === "phone" ? "Phone number" : "QR code"}
            </Button>
          ))}
        </div>
      ) : null}

      <LoginError error={step.error ?? resend.error ?? qrError} />

      {!flow && method === "phone" ? (
        <PhoneForm pending={busy} onSubmit={(phone) => run(() => loginApi.startPhone(phone))} />
      ) : null}
      {!flow && method === "qr" ? (
        <Button pending={busy} onClick={() => run(() => loginApi.startQr())}>
          Show a QR code
        </Button>
      ) : null}
      {flow?.step === "qr" ? <QrPanel flow={flow} /> : null}
      {flow?.step === "code" ? (
        <CodeForm
          flow={flow}
          pending={busy}
          resending={resend.isPending}
          onSubmit={(code) => run(() => loginApi.submitCode(flow.id, code))}
          onResend={() => resend.mutate(flow.id)}
        />
      ) : null}
      {flow?.step === "password" ? (
        <PasswordForm
          flow={flow}
          pending={busy}
          onSubmit={(password) => run(() => loginApi.submitPassword(flow.id, password))}
        />
      ) : null}
      {flow?.step === "done" ? <LoginDone flow={flow} onAnother={() => restart("phone")} /> : null}

      {flow && flow.step !== "done" ? (
        <Button variant="ghost" onClick={() => restart()}>
          {["code", "password", "qr"].includes(flow.step) ? "Cancel this login" : "Start again"}
        </Button>
      ) : null}
    </div>
  );
}
