"use client";

import Image from "next/image";
import QRCode from "qrcode";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { Banner } from "@/components/ui/banner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/field";
import { Untrusted } from "@/components/ui/untrusted";
import { untrustedText } from "@/components/format";
import { apiFetch } from "@/lib/api/client-fetch";
import type { ConfirmedFactor, FactorItem, FactorList, TotpEnrolment } from "@/lib/api/schemas/second-factor";
import { useStepUp } from "./step-up-form";

const factorsPath = "/api/v1/account/factors";
const factorsKey = ["second-factors"];

/** The member's second factors: add an authenticator app, remove a factor, new recovery codes. */
export function SecondFactors() {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: factorsKey, queryFn: () => apiFetch<FactorList>(factorsPath) });
  const list = query.data;
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [removing, setRemoving] = useState<FactorItem | null>(null);
  const { run, pending, error, prompt } = useStepUp();

  const load = () => queryClient.invalidateQueries({ queryKey: factorsKey });

  async function begin(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "");
    await run(async () => {
      setEnrolment(await apiFetch<TotpEnrolment>("/api/v1/account/factors/totp", { method: "POST", body: { name } }));
    });
  }

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!enrolment) return;
    const code = String(new FormData(event.currentTarget).get("code") ?? "");
    await run(async () => {
      const confirmed = await apiFetch<ConfirmedFactor>("/api/v1/account/factors/totp/confirm", {
        method: "POST",
        body: { id: enrolment.id, code },
      });
      setEnrolment(null);
      setCodes(confirmed.recoveryCodes);
      await load();
    });
  }

  const remove = (factor: FactorItem) =>
    run(async () => {
      await apiFetch(`/api/v1/account/factors/${factor.id}`, { method: "DELETE" });
      setRemoving(null);
      await load();
    });

  const newCodes = () =>
    run(async () => {
      setCodes(
        (await apiFetch<{ recoveryCodes: string[] }>("/api/v1/account/recovery-codes", { method: "POST" }))
          .recoveryCodes,
      );
      await load();
    });

  if (query.error) {
    return (
      <Banner tone="danger" title="Your second factors could not be loaded">
        {query.error.message}
      </Banner>
    );
  }
  if (!list) return <p className="text-sm text-zinc-500">Loading your second factors…</p>;

  return (
    <section className="space-y-6" aria-labelledby="factors-heading">
      <h2 id="factors-heading" className="text-lg font-semibold">
        Second factors
      </h2>
      {error ? (
        <Banner tone="danger" title="That did not work">
          {error}
        </Banner>
      ) : null}
      {prompt}
      {codes ? <RecoveryCodes codes={codes} onDismiss={() => setCodes(null)} /> : null}
      {list.items.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-300">
          You have no second factor yet. Add an authenticator app to protect your sign-in.
        </p>
      ) : (
        <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {list.items.map((factor) => (
            <li key={factor.id} className="flex items-center justify-between gap-4 px-4 py-3 text-sm">
              <span>
                <span className="font-medium">
                  <Untrusted text={factor.name} />
                </span>{" "}
                <span className="text-zinc-500">(authenticator app)</span>
              </span>
              <Button
                variant="danger"
                size="sm"
                aria-label={`Remove ${untrustedText(factor.name)}`}
                onClick={() => setRemoving(factor)}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      {list.items.length > 0 ? (
        <div className="flex items-center gap-4 text-sm">
          <span>Recovery codes left: {list.recoveryCodesLeft}</span>
          <Button variant="secondary" size="sm" pending={pending} onClick={newCodes}>
            New recovery codes
          </Button>
        </div>
      ) : null}
      {enrolment ? (
        <TotpSetup enrolment={enrolment} pending={pending} onSubmit={confirm} onCancel={() => setEnrolment(null)} />
      ) : (
        <form onSubmit={begin} className="flex items-end gap-3">
          <Input name="name" label="Authenticator app name" defaultValue="Authenticator app" required />
          <Button type="submit" pending={pending}>
            Add an authenticator app
          </Button>
        </form>
      )}
      <ConfirmDialog
        open={removing !== null}
        title="Remove this second factor?"
        confirmLabel="Remove"
        destructive
        pending={pending}
        onConfirm={() => removing && void remove(removing)}
        onCancel={() => setRemoving(null)}
      >
        {list.items.length === 1
          ? "It is your last factor: your recovery codes stop working too."
          : "You can no longer sign in with it."}
      </ConfirmDialog>
    </section>
  );
}

function TotpSetup({
  enrolment,
  pending,
  onSubmit,
  onCancel,
}: {
  enrolment: TotpEnrolment;
  pending: boolean;
  onSubmit(event: FormEvent<HTMLFormElement>): void;
  onCancel(): void;
}) {
  const [image, setImage] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void QRCode.toDataURL(enrolment.uri, { margin: 1, width: 200, errorCorrectionLevel: "M" }).then(
      (data) => live && setImage(data),
    );
    return () => {
      live = false;
    };
  }, [enrolment.uri]);
  return (
    <form onSubmit={onSubmit} className="space-y-3 rounded-md border border-zinc-200 p-4 dark:border-zinc-800">
      <p className="text-sm">Scan this code with your authenticator app, or type the key into it.</p>
      <div className="flex h-52 w-52 items-center justify-center bg-white p-1">
        {image ? (
          <Image unoptimized src={image} alt="QR code for your authenticator app" width={200} height={200} />
        ) : (
          <span className="text-sm text-zinc-500">Preparing the code…</span>
        )}
      </div>
      <p className="text-sm">
        Key:{" "}
        <code data-testid="totp-secret" className="select-all font-mono">
          {enrolment.secret}
        </code>
      </p>
      <Input name="code" label="Code from the app" autoComplete="one-time-code" inputMode="numeric" required />
      <div className="flex gap-3">
        <Button type="submit" pending={pending}>
          Confirm
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function RecoveryCodes({ codes, onDismiss }: { codes: string[]; onDismiss(): void }) {
  return (
    <Banner tone="success" title="Your recovery codes">
      <p>Each code signs you in once if you lose your device. Store them somewhere safe: they are shown only now.</p>
      <ul data-testid="recovery-codes" className="mt-2 grid grid-cols-2 gap-1 font-mono text-sm">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <Button variant="ghost" size="sm" className="mt-2" onClick={onDismiss}>
        I have stored them
      </Button>
    </Banner>
  );
}
