import { randomBytes, randomUUID } from "node:crypto";
import type { DbOrTx } from "@/db";
import {
  deleteAlertChannel,
  findAlertChannel,
  insertAlertChannel,
  updateAlertChannel,
  type AlertChannelPatch,
} from "@/db/queries/alert-channels";
import { insertTestDelivery, redeliver } from "@/db/queries/alert-deliveries";
import type { AlertChannel, AlertChannelKind, AlertKind } from "@/db/schema";
import { DomainError, notFound } from "@/lib/errors/domain";
import { env } from "@/lib/env";
import { secrets } from "@/lib/keys/encrypted-columns";
import { encrypt, loadKeyRing } from "@/lib/vault";
import { checkWebhookUrl } from "./address";

export type ChannelInput = {
  kind: AlertChannelKind;
  name: string;
  url?: string;
  to?: string[];
  events: AlertKind[];
  labels?: string[];
};

/** A URL shows its scheme and host; the path (often the credential itself) never. */
function maskUrl(url: URL): string {
  return `${url.protocol}//${url.host}/…`;
}

function maskEmail(address: string): string {
  const [local = "", domain = ""] = address.split("@");
  return `${local.charAt(0)}•••@${domain}`;
}

/** The plain target (URL or addresses) and its masked form, checked: a webhook URL must be safe to call. */
async function target(kind: AlertChannelKind, input: Pick<ChannelInput, "url" | "to">) {
  const foreign = kind === "email" ? "url" : "to";
  if (input[foreign] !== undefined) {
    const message = kind === "email" ? "An email channel has no URL." : "Only an email channel has addresses.";
    throw new DomainError("invalid_input", message, { fields: { [foreign]: message } });
  }
  if (kind === "email") {
    const to = input.to ?? [];
    return { plain: to.join(","), masked: to.map(maskEmail).join(", ") };
  }
  const url = await checkWebhookUrl(input.url ?? "");
  return { plain: url.toString(), masked: maskUrl(url) };
}

/** Creates a channel; a webhook's signing secret (whsec_…) is in the answer this once. */
export async function createChannel(
  db: DbOrTx,
  input: ChannelInput,
  createdById: string | null,
): Promise<{ channel: AlertChannel; secret?: string }> {
  const ring = loadKeyRing();
  const id = randomUUID();
  const { plain, masked } = await target(input.kind, input);
  const secret = input.kind === "webhook" ? `whsec_${randomBytes(32).toString("base64")}` : undefined;
  const channel = await insertAlertChannel(db, {
    id,
    name: input.name,
    kind: input.kind,
    targetCiphertext: encrypt(ring, plain, secrets.alertTarget.binding(id)),
    targetMasked: masked,
    secretCiphertext: secret ? encrypt(ring, secret, secrets.alertSecret.binding(id)) : null,
    events: input.events,
    labels: input.labels ?? [],
    createdById,
  });
  return { channel, secret };
}

export type ChannelChange = {
  name?: string;
  events?: AlertKind[];
  labels?: string[];
  paused?: boolean;
  url?: string;
  to?: string[];
};

export async function changeChannel(db: DbOrTx, id: string, change: ChannelChange): Promise<AlertChannel> {
  const channel = await findAlertChannel(db, id);
  if (!channel) throw notFound("The alert channel");
  const patch: AlertChannelPatch = {};
  if (change.name !== undefined) patch.name = change.name;
  if (change.events !== undefined) patch.events = change.events;
  if (change.labels !== undefined) patch.labels = change.labels;
  if (change.paused !== undefined) patch.paused = change.paused;
  if (change.url !== undefined || change.to !== undefined) {
    const { plain, masked } = await target(channel.kind, change);
    patch.targetCiphertext = encrypt(loadKeyRing(), plain, secrets.alertTarget.binding(id));
    patch.targetMasked = masked;
  }
  const updated = await updateAlertChannel(db, id, patch);
  if (!updated) throw notFound("The alert channel");
  return updated;
}

export async function removeChannel(db: DbOrTx, id: string): Promise<AlertChannel> {
  const removed = await deleteAlertChannel(db, id);
  if (!removed) throw notFound("The alert channel");
  return removed;
}

const giveUpSeconds = () => env().ALERT_RETRY_HOURS * 3600;

/** Queues an alert.test event for the channel; the delivery log shows how it went. */
export async function testChannel(db: DbOrTx, id: string): Promise<{ deliveryId: string }> {
  if (!(await findAlertChannel(db, id))) throw notFound("The alert channel");
  const delivery = await insertTestDelivery(db, id, giveUpSeconds());
  return { deliveryId: delivery.id };
}

/** Sends a delivery again (same webhook-id), with a fresh retry window. */
export async function redeliverAlert(db: DbOrTx, id: string): Promise<{ id: string; channelId: string }> {
  const row = await redeliver(db, id, giveUpSeconds());
  if (!row) throw notFound("The delivery");
  return row;
}
