import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { alertChannels, type AlertChannel, type AlertChannelKind, type AlertKind } from "@/db/schema";

export type NewAlertChannel = {
  id: string;
  name: string;
  kind: AlertChannelKind;
  targetCiphertext: string;
  targetMasked: string;
  secretCiphertext: string | null;
  events: AlertKind[];
  labels: string[];
  createdById: string | null;
};

export async function insertAlertChannel(db: DbOrTx, channel: NewAlertChannel): Promise<AlertChannel> {
  const [row] = await db.insert(alertChannels).values(channel).returning();
  if (!row) throw new Error("inserting an alert channel returned no row");
  return row;
}

export function listAlertChannels(db: DbOrTx): Promise<AlertChannel[]> {
  return db.select().from(alertChannels).orderBy(desc(alertChannels.createdAt));
}

export function findAlertChannel(db: DbOrTx, id: string): Promise<AlertChannel | undefined> {
  return db.query.alertChannels.findFirst({ where: eq(alertChannels.id, id) });
}

export type AlertChannelPatch = Partial<
  Pick<AlertChannel, "name" | "events" | "labels" | "paused" | "targetCiphertext" | "targetMasked">
>;

export async function updateAlertChannel(
  db: DbOrTx,
  id: string,
  patch: AlertChannelPatch,
): Promise<AlertChannel | undefined> {
  if (Object.keys(patch).length === 0) return findAlertChannel(db, id);
  const [row] = await db.update(alertChannels).set(patch).where(eq(alertChannels.id, id)).returning();
  return row;
}

/** Deletes the channel and, with it, its delivery log. */
export async function deleteAlertChannel(db: DbOrTx, id: string): Promise<AlertChannel | undefined> {
  const [row] = await db.delete(alertChannels).where(eq(alertChannels.id, id)).returning();
  return row;
}
