"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { FormCard } from "@/components/ui/form-card";
import { submitForSecret } from "@/components/ui/submit-for-secret";
import { ApiRequestError } from "@/lib/api/client-fetch";
import type { AlertChannelKind, AlertKind } from "@/db/schema/alerts";
import { defaultEventKinds, eventKindLabels } from "./event-kinds";
import { useCreateChannel, type CreatedChannel } from "./use-alerts";

const kindHints: Record<AlertChannelKind, string> = {
  webhook: "A signed POST (Standard Webhooks) to your HTTPS endpoint; its secret is shown once.",
  slack: "A Slack incoming-webhook URL.",
  discord: "A Discord webhook URL.",
  email: "Plain text and HTML mail through the console's SMTP server (SMTP_URL).",
};

const subscribable = (Object.keys(eventKindLabels) as AlertKind[]).filter((kind) => kind !== "alert.test");

export function CreateChannelForm({ onCreated }: { onCreated(created: CreatedChannel): void }) {
  const create = useCreateChannel();
  const [kind, setKind] = useState<AlertChannelKind>("webhook");
  const [name, setName] = useState("");
  const [target, setTarget] = useState("");
  const [labels, setLabels] = useState("");
  const [events, setEvents] = useState<AlertKind[]>(defaultEventKinds);
  const eventsHint = useId();
  const fields = create.error instanceof ApiRequestError ? create.error.fields : {};
  const email = kind === "email";
  const addresses = target.split(/[\s,;]+/).filter(Boolean);
  const toggle = (event: AlertKind, on: boolean) =>
    setEvents((current) => (on ? [...current, event] : current.filter((e) => e !== event)));

  const submit = submitForSecret(
    create,
    {
      kind,
      name,
      events,
      labels: labels
        .split(",")
        .map((label) => label.trim())
        .filter(Boolean),
      ...(email ? { to: addresses } : { url: target.trim() }),
    },
    (created) => {
      setName("");
      setTarget("");
      setLabels("");
      onCreated(created);
    },
  );
  const labelsError = Object.entries(fields).find(([field]) => field.startsWith("labels"))?.[1];
  const fieldError = fields.name || fields.url || fields.to || fields["to.0"] || fields.events || labelsError;

  return (
    <FormCard
      title="Add a channel"
      heading="h3"
      description="Where the console tells someone that a session needs attention."
      error={fieldError ? undefined : create.error?.message}
      onSubmit={submit}
    >
      <Select
        label="Kind"
        value={kind}
        onChange={(e) => setKind(e.target.value as AlertChannelKind)}
        hint={kindHints[kind]}
        error={fields.kind}
        className="w-56"
      >
        <option value="webhook">Webhook (signed)</option>
        <option value="slack">Slack</option>
        <option value="discord">Discord</option>
        <option value="email">Email</option>
      </Select>
      <Input
        label="Name"
        required
        maxLength={80}
        value={name}
        onChange={(e) => setName(e.target.value)}
        hint="Who it reaches, e.g. “On-call”."
        error={fields.name}
        className="min-w-56 flex-1"
      />
      <Input
        label={email ? "Addresses" : "URL"}
        required
        type={email ? "text" : "url"}
        value={target}
        onChange={(e) => setTarget(e.target.value)}
        hint={email ? "Comma-separated, up to 20." : "https:// only; private and loopback addresses are refused."}
        error={email ? (fields.to ?? fields["to.0"]) : fields.url}
        className="min-w-72 flex-[2]"
      />
      <Input
        label="Labels"
        value={labels}
        onChange={(e) => setLabels(e.target.value)}
        hint="Comma-separated; only sessions with one of them. Empty: every session."
        error={labelsError}
        className="min-w-56 flex-1"
      />
      <fieldset className="w-full" aria-describedby={eventsHint}>
        <legend className="mb-1 text-sm font-medium text-zinc-800 dark:text-zinc-200">Events</legend>
        <p id={eventsHint} className="mb-2 text-xs text-zinc-500 dark:text-zinc-400">
          Each event of a session is sent at most once per cooldown; a burst is folded into one with a count.
        </p>
        <div className="grid gap-x-6 gap-y-1 sm:grid-cols-2 lg:grid-cols-3">
          {subscribable.map((event) => (
            <label key={event} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={events.includes(event)}
                onChange={(e) => toggle(event, e.target.checked)}
              />
              {eventKindLabels[event]}
            </label>
          ))}
        </div>
        {fields.events ? <p className="mt-1 text-xs text-red-700 dark:text-red-400">{fields.events}</p> : null}
      </fieldset>
      <Button type="submit" pending={create.isPending}>
        {create.isPending ? "Adding…" : "Add channel"}
      </Button>
    </FormCard>
  );
}
