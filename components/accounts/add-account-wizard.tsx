"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { ApiRequestError } from "@/lib/api/client-fetch";
import type { LoginView } from "@/lib/api/schemas/logins";
import type { DemoAccount } from "@/sandbox/demo";
import { CodeForm } from "./code-form";
import { DemoNumbers } from "./demo-numbers";
import { LoginDone } from "./login-done";
import { loginApi } from "./login-api";
import { LoginError } from "./login-error";
import { PasswordForm } from "./password-form";
import { PhoneForm } from "./phone-form";
import { QrPanel } from "./qr-panel";
import { useQrRefresh } from "./use-qr-refresh";

type Method = "phone" | "qr";
const methods: Method[] = ["phone", "qr"];

/**
 * Phone → code → password, or QR → (password): each step is one call to the login API. `demos` are the sandbox's
 * demo accounts, shown beside the wizard (a click fills the number in); null outside the sandbox.
 */
export function AddAccountWizard({ demos }: { demos: DemoAccount[] | null }) {
  const [method, setMethod] = useState<Method>("phone");
  const [flow, setFlow] = useState<LoginView | null>(null);
  const [phone, setPhone] = useState("");
  const tabs = useRef<Record<Method, HTMLButtonElement | null>>({ phone: null, qr: null });
  // The tab an arrow key moved to keeps focus after the render, over the phone field's autoFocus.
  const focusTab = useRef<Method | null>(null);
  useEffect(() => {
    if (focusTab.current) tabs.current[focusTab.current]?.focus();
    focusTab.current = null;
  });
  // A refused step can still change the flow (a wrong code uses up a try), so the flow is read again.
  const rereadFlow = () => {
    if (flow) void loginApi.get(flow.id).then(setFlow, () => undefined);
  };
  const step = useMutation({
    mutationFn: (run: () => Promise<LoginView>) => run(),
    onSuccess: (view) => setFlow(view),
    onError: rereadFlow,
  });
  const resend = useMutation({ mutationFn: (id: string) => loginApi.resend(id), onSuccess: (view) => setFlow(view) });
  const run = step.mutate;
  const qrError = useQrRefresh(flow, setFlow, rereadFlow);

  const restart = (next: Method = method) => {
    if (flow && ["code", "password", "qr"].includes(flow.step)) void loginApi.cancel(flow.id).catch(() => undefined);
    setFlow(null);
    step.reset();
    resend.reset();
    setMethod(next);
  };

  // Arrow keys move between the tabs (and select them), as in any tab list.
  const onTabKey = (event: KeyboardEvent) => {
    const offset = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (!offset) return;
    event.preventDefault();
    const next = methods[(methods.indexOf(method) + offset + methods.length) % methods.length]!;
    restart(next);
    focusTab.current = next;
  };

  const busy = step.isPending;
  const stepError = step.error ?? resend.error ?? qrError;
  const phoneError = !flow && stepError instanceof ApiRequestError ? stepError.fields.phone : undefined;
  const wizard = (
    <div className="max-w-xl space-y-5">
      {!flow || flow.step === "qr" ? (
        <div role="tablist" aria-label="How to log in" className="flex gap-2" onKeyDown={onTabKey}>
          {methods.map((tab) => (
            <Button
              key={tab}
              ref={(element) => {
                tabs.current[tab] = element;
              }}
              role="tab"
              variant={method === tab ? "primary" : "ghost"}
              aria-selected={method === tab}
              tabIndex={method === tab ? 0 : -1}
              onClick={() => restart(tab)}
            >
              {tab === "phone" ? "Phone number" : "QR code"}
            </Button>
          ))}
        </div>
      ) : null}

      <LoginError error={stepError} />

      {!flow && method === "phone" ? (
        <PhoneForm
          phone={phone}
          onPhone={setPhone}
          error={phoneError}
          pending={busy}
          onSubmit={() => run(() => loginApi.startPhone(phone))}
        />
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
  if (!demos) return wizard;
  const pick = (number: string) => {
    if (flow?.step !== "done") restart("phone");
    setPhone(number);
  };
  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
      {wizard}
      <DemoNumbers demos={demos} onPick={pick} />
    </div>
  );
}
